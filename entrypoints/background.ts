import { installBackground } from '../lib/background/main';

export default defineBackground(() => {
  void installBackground();
});
