/**
 * Starts the pane: renders at once, then waits (briefly) for office.js, then picks language and theme from Office
 * and hands the app a host detector. Never blocks on Office: outside Office, offline, or with office.js silent, the
 * page runs in standalone mode.
 */
import type { i18n as I18n } from "i18next";
import { createRoot, type Root } from "react-dom/client";
import { Shell } from "./components/Shell";
import { createDetectHost, type DetectHost, type ExcelDetection } from "./hostInfo";
import { createI18n, pickLanguage, storedLanguage } from "./i18n";
import {
  officeBodyBackground,
  officeDisplayLanguage,
  officeGlobal,
  waitForOffice,
  type OfficeLike,
  type OfficeReadiness,
} from "./office";
import { FORCED_COLORS_QUERY, pickThemeKind, type ThemeKind } from "./theme";

/** How long to wait for Office.onReady before showing standalone mode. */
export const OFFICE_TIMEOUT_MS = 3000;

export interface StartOptions {
  /** The Excel adapter (src/hosts/excel/detect.ts). */
  excel: ExcelDetection;
  /** The Office global; defaults to `Office` when office.js is loaded. Pass undefined for "absent". */
  office?: OfficeLike;
  officeTimeoutMs?: number;
}

export interface TaskpaneHandle {
  root: Root;
  i18n: I18n;
  /** Resolves once the wait for office.js has ended and the detector is handed to the app. */
  settled: Promise<OfficeReadiness>;
  /** Resolves if office.js answers after the timeout and the app got the new detector (never, otherwise). */
  upgraded: Promise<OfficeReadiness>;
  unmount(): void;
}

function forcedColorsQuery(): MediaQueryList | undefined {
  try {
    return typeof window.matchMedia === "function" ? window.matchMedia(FORCED_COLORS_QUERY) : undefined;
  } catch {
    return undefined;
  }
}

export function startTaskpane(container: HTMLElement, options: StartOptions): TaskpaneHandle {
  const office = "office" in options ? options.office : officeGlobal();
  const timeoutMs = options.officeTimeoutMs ?? OFFICE_TIMEOUT_MS;
  const i18n = createI18n(pickLanguage(undefined));
  const forced = forcedColorsQuery();
  let officeBackground: string | undefined;
  let detectHost: DetectHost | null = null;

  const root = createRoot(container);
  const theme = (): ThemeKind =>
    pickThemeKind({ forcedColors: forced?.matches ?? false, officeBodyBackground: officeBackground });
  const render = () => root.render(<Shell i18n={i18n} theme={theme()} detectHost={detectHost} />);
  render();

  const onForcedColors = () => render();
  forced?.addEventListener?.("change", onForcedColors);

  const adopt = (readiness: OfficeReadiness) => {
    if (readiness.status === "ready") {
      const fromOffice = officeDisplayLanguage(office);
      if (fromOffice && !storedLanguage()) void i18n.changeLanguage(pickLanguage(fromOffice));
      officeBackground = officeBodyBackground(office);
    }
    detectHost = createDetectHost(readiness, options.excel);
    render();
  };

  const { first, late } = waitForOffice(office, timeoutMs);
  const settled = first.then((readiness) => {
    adopt(readiness);
    return readiness;
  });
  // office.js that answers after the timeout (slow network, slow host start) still gets its Excel screen.
  const upgraded = late.then((readiness) => {
    adopt(readiness);
    return readiness;
  });

  return {
    root,
    i18n,
    settled,
    upgraded,
    unmount: () => {
      forced?.removeEventListener?.("change", onForcedColors);
      root.unmount();
    },
  };
}
