import { NOOP_ACTION, noop, registerCommands } from "../../src/commands/commands";

test("outside Office nothing is registered and nothing throws", () => {
  expect(registerCommands(undefined)).toBe(false);
});

test("associates the no-op action, which completes its event", () => {
  const associate = jest.fn();
  const onReady = jest.fn().mockResolvedValue({ host: "Excel" });
  expect(registerCommands({ onReady, actions: { associate } })).toBe(true);
  expect(onReady).toHaveBeenCalled();
  expect(associate).toHaveBeenCalledWith(NOOP_ACTION, noop);
  const completed = jest.fn();
  noop({ completed } as unknown as Office.AddinCommands.Event);
  expect(completed).toHaveBeenCalledTimes(1);
});

test("hosts without Office.actions find the function on the global object", () => {
  registerCommands({ onReady: () => Promise.resolve(null) });
  expect((globalThis as Record<string, unknown>)[NOOP_ACTION]).toBe(noop);
  delete (globalThis as Record<string, unknown>)[NOOP_ACTION];
});
