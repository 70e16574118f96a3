// First import on purpose: marks the start of script evaluation (bench/background.bench.ts).
import '../lib/background/eval-start';
import { installBackground } from '../lib/background/main';

export default defineBackground(() => {
  // Everything is evaluated when WXT calls main: the bench reads start → evaluated.
  performance.mark('sop-sidebar:background-evaluated');
  void installBackground();
});
