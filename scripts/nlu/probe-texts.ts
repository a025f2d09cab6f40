// Every probe line (probe-set*.ts): probes are scored, never trained on, so dataset.ts drops any
// training-only line whose tokens equal one of these (as it does for validation and held-out rows).
// Probe 9 is the measure set: it is only imported here, never printed.

import { PROBE } from "./probe-set";
import { PROBE_2 } from "./probe-set-2";
import { PROBE_3 } from "./probe-set-3";
import { PROBE_4 } from "./probe-set-4";
import { PROBE_5 } from "./probe-set-5";
import { PROBE_6 } from "./probe-set-6";
import { PROBE_7 } from "./probe-set-7";
import { PROBE_8 } from "./probe-set-8";
import { PROBE_9 } from "./probe-set-9";

export const PROBE_TEXTS: readonly string[] = [PROBE, PROBE_2, PROBE_3, PROBE_4, PROBE_5, PROBE_6, PROBE_7, PROBE_8, PROBE_9].flatMap((rows) => rows.map((r) => r.text));
