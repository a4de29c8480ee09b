/**
 * Measures what office-js sends and receives, from inside the add-in: it wraps the request builder and the
 * response handler of OfficeExtension's ClientRequest (runtime members of office.js, not in the typings, read in
 * @microsoft/office-js dist/excel-web-16.00.debug.js: buildRequestMessageBodyAndRequestFlags, processResponse).
 * Each sync is one request; its size is the JSON body, its response the action results as JSON.
 */
export interface Traffic {
  syncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  totalRequestBytes: number;
  totalResponseBytes: number;
}

const empty = (): Traffic => ({
  syncs: 0,
  maxRequestBytes: 0,
  maxResponseBytes: 0,
  totalRequestBytes: 0,
  totalResponseBytes: 0,
});

let current = empty();
let installed = false;

const bytes = (value: unknown): number => new TextEncoder().encode(JSON.stringify(value) ?? "").length;

type Proto = Record<string, (...args: unknown[]) => unknown>;

/** Installs the wrappers once; false when this office.js does not have the expected internals. */
export function installProbe(): boolean {
  if (installed) return true;
  const ext = (globalThis as unknown as { OfficeExtension?: Record<string, { prototype?: Proto }> })
    .OfficeExtension;
  const proto = ext?.ClientRequest?.prototype ?? ext?.ClientRequestBase?.prototype;
  const build = proto?.buildRequestMessageBodyAndRequestFlags;
  const answer = proto?.processResponse;
  if (!proto || !build || !answer) return false;
  proto.buildRequestMessageBodyAndRequestFlags = function (this: unknown, ...args: unknown[]) {
    const out = build.apply(this, args) as { body?: unknown };
    const n = bytes(out?.body);
    current.syncs++;
    current.totalRequestBytes += n;
    current.maxRequestBytes = Math.max(current.maxRequestBytes, n);
    return out;
  };
  proto.processResponse = function (this: unknown, ...args: unknown[]) {
    const n = bytes(args[0]);
    current.totalResponseBytes += n;
    current.maxResponseBytes = Math.max(current.maxResponseBytes, n);
    return answer.apply(this, args);
  };
  installed = true;
  return true;
}

/** Runs `fn` and returns the traffic it caused. */
export async function measured<T>(
  fn: () => Promise<T>
): Promise<{ value?: T; error?: unknown; traffic: Traffic }> {
  current = empty();
  try {
    const value = await fn();
    return { value, traffic: current };
  } catch (error) {
    return { error, traffic: current };
  }
}
