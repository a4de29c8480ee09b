/**
 * The ribbon's FunctionFile (commands.html). The manifest's only button opens the task pane (ShowTaskpane), so no
 * function command is wired to a button yet; the page still registers one harmless action so the FunctionFile is
 * a real, working page and later ExecuteFunction buttons have a place to live.
 */

/** Action id for `<Action xsi:type="ExecuteFunction"><FunctionName>` in the manifest (none uses it yet). */
export const NOOP_ACTION = "ocopNoop";

/** The part of the `Office` global used here (a stub in tests). */
export interface CommandsOffice {
  onReady(): Promise<unknown>;
  actions?: { associate(actionId: string, handler: (event: Office.AddinCommands.Event) => void): void };
}

/** Completes the command event at once: Office shows a busy indicator until `completed()` is called. */
export function noop(event?: Office.AddinCommands.Event): void {
  event?.completed();
}

/** Registers the actions; false when office.js is absent (the page opened outside Office). */
export function registerCommands(office: CommandsOffice | undefined): boolean {
  if (!office) return false;
  void office.onReady().catch(() => undefined);
  // Older hosts without Office.actions look the function up on the global object instead.
  if (office.actions) office.actions.associate(NOOP_ACTION, noop);
  else (globalThis as Record<string, unknown>)[NOOP_ACTION] = noop;
  return true;
}

registerCommands(typeof Office === "undefined" ? undefined : (Office as unknown as CommandsOffice));
