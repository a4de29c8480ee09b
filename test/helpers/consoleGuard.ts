/**
 * Fails a test that logs an error to the console: React's warnings (act, keys, props), Griffel's class warnings
 * and uncaught rejections logged by components are faults a user would meet, not noise.
 */
export const failOnConsoleError = (): void => {
  let consoleError: jest.SpyInstance;
  beforeEach(() => {
    consoleError = jest.spyOn(console, "error");
  });
  afterEach(() => {
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
  });
};
