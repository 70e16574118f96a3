// In-page navigation like HubSpot's single-page app: links marked data-spa
// swap the main region (fetched as JSON) and update the URL with
// history.pushState, without reloading the document (content scripts stay put).
(() => {
  'use strict';

  const region = () => document.getElementById('hs-app-main');

  async function navigate(url, push) {
    const res = await fetch('/__pages/record-data?path=' + encodeURIComponent(url.pathname), {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
    });
    const type = res.headers.get('Content-Type') || '';
    if (!type.includes('application/json')) throw new Error('navigation answered ' + res.status);
    const page = await res.json();
    if (push) history.pushState({ spa: true }, '', url.pathname + url.search + url.hash);
    document.title = page.title;
    const main = region();
    if (main) main.innerHTML = page.html;
    window.scrollTo(0, 0);
  }

  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element ? event.target.closest('a[data-spa]') : null;
    if (!link) return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin) return;
    event.preventDefault();
    navigate(url, true).catch(() => {
      location.href = url.href;
    });
  });

  window.addEventListener('popstate', () => {
    navigate(new URL(location.href), false).catch(() => location.reload());
  });
})();
