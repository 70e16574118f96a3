/**
 * The compliance scan page (admin.html, unlisted: reached from the options
 * page or chrome-extension://<id>/admin.html). Thin: state in lib/admin/,
 * views in components/admin/.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/pages/pages.css';
import '../../components/admin/admin.css';
import { AdminApp } from '../../components/admin/AdminApp';
import { AdminController } from '../../lib/admin/admin-controller';
import { createClient, onPush } from '../../lib/messages/client';
import { downloadText } from '../../lib/options/download';

const controller = new AdminController({ client: createClient(), subscribe: (handler) => onPush(handler), download: downloadText });
render(<AdminApp controller={controller} optionsUrl={browser.runtime.getURL('/options.html')} />, document.getElementById('app')!);
void controller.start();
