/**
 * The few facts the pane reads from the `Office` global (office.js common API, never `Excel`): whether office.js is
 * there and ready, the display language and the Office theme. Everything is guarded so the page also runs in a plain
 * browser, offline (no `Office` at all), or when office.js loads but `Office.onReady` never answers.
 */

/** How the wait for office.js ended. */
export type OfficeReadiness =
  | { status: "ready"; host: string | null; platform: string | null }
  /** No `Office` global: office.js was not loaded (offline, blocked, or a plain page). */
  | { status: "absent" }
  /** office.js is loaded but `Office.onReady` did not resolve in time. */
  | { status: "timeout"; afterMs: number };

/** The part of the `Office` global used here (so tests can pass a stub). */
export interface OfficeLike {
  onReady(): Promise<{ host: unknown; platform: unknown }>;
  context?: {
    displayLanguage?: string;
    officeTheme?: { bodyBackgroundColor?: string } | null;
  };
}

export function officeGlobal(): OfficeLike | undefined {
  return typeof Office === "undefined" ? undefined : (Office as unknown as OfficeLike);
}

function asName(value: unknown): string | null {
  return typeof value === "string" && value ? value : null;
}

/**
 * Calls `Office.onReady()` at once (some hosts do not show the pane until it is called) and waits at most
 * `timeoutMs`. `late` resolves when a timed-out office.js finally answers (never, otherwise).
 */
export function waitForOffice(
  office: OfficeLike | undefined,
  timeoutMs: number
): { first: Promise<OfficeReadiness>; late: Promise<OfficeReadiness> } {
  if (!office) {
    const absent: OfficeReadiness = { status: "absent" };
    return { first: Promise.resolve(absent), late: new Promise(() => undefined) };
  }
  let ready: Promise<OfficeReadiness>;
  try {
    ready = office
      .onReady()
      .then((info): OfficeReadiness => ({
        status: "ready",
        host: asName(info?.host),
        platform: asName(info?.platform),
      }))
      .catch((): OfficeReadiness => ({ status: "absent" }));
  } catch {
    ready = Promise.resolve({ status: "absent" });
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<OfficeReadiness>((resolve) => {
    timer = setTimeout(() => resolve({ status: "timeout", afterMs: timeoutMs }), timeoutMs);
  });
  const first = Promise.race([ready, timeout]).then((result) => {
    if (timer !== undefined) clearTimeout(timer);
    return result;
  });
  const late = first.then((result) =>
    result.status === "timeout" ? ready : new Promise<OfficeReadiness>(() => undefined)
  );
  return { first, late };
}

/** `Office.context.displayLanguage` ("vi-VN", "en-US", …) once Office is ready; undefined elsewhere. */
export function officeDisplayLanguage(office: OfficeLike | undefined): string | undefined {
  try {
    const value = office?.context?.displayLanguage;
    return typeof value === "string" && value ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The Office theme's body background ("#RRGGBB") where the host exposes it (desktop Excel); undefined elsewhere. */
export function officeBodyBackground(office: OfficeLike | undefined): string | undefined {
  try {
    const value = office?.context?.officeTheme?.bodyBackgroundColor;
    return typeof value === "string" && value ? value : undefined;
  } catch {
    return undefined;
  }
}
