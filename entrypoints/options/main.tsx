/**
 * The options page. Thin: state and messages are in lib/options/, the views
 * in components/options/.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/pages/pages.css';
import '../../components/options/options.css';
import { OptionsApp } from '../../components/options/OptionsApp';
import { createClient, onPush } from '../../lib/messages/client';
import { OptionsController } from '../../lib/options/controller';
import { downloadText } from '../../lib/options/download';

const controller = new OptionsController({ client: createClient(), subscribe: (handler) => onPush(handler), download: downloadText });
render(<OptionsApp controller={controller} adminUrl={browser.runtime.getURL('/admin.html')} />, document.getElementById('app')!);
void controller.start();
