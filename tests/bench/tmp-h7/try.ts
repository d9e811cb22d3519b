import { buildBaselineShell } from '/work/wt/h7/tests/bench/baseline-build';
import { measureBundle } from '/work/wt/h7/tests/tools/bundle-size';
const b = await buildBaselineShell();
console.log(b.dir, measureBundle(b.dir));
console.log(measureBundle('/work/wt/h7/dist'));
