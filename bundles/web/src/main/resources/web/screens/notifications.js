// In-app notifications: the bell in the header and the list.
import {h, clear, busy, add} from '../lib/dom.js';
import {get, post} from '../lib/api.js';
import {t} from '../lib/i18n.js';
import {moment} from '../lib/format.js';
import {errorBox} from '../lib/ui.js';

export function bell() {
  const count = h('span', {class: 'count', hidden: true});
  const link = h('a', {href: '#/notifications', class: 'bell', 'aria-label': t('notifications.notifications'),
    title: t('notifications.notifications')}, bellIcon(), count);
  get('/api/notifications').then((n) => {
    if (n.unread > 0) {
      count.textContent = n.unread;
      count.hidden = false;
      link.setAttribute('aria-label', t('notifications.notificationsUnread', {count: n.unread}));
    }
  }).catch(() => {});
  return link;
}

function bellIcon() {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '20');
  svg.setAttribute('height', '20');
  svg.setAttribute('aria-hidden', 'true');
  svg.innerHTML = '<path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1z"/>';
  return svg;
}

export async function render(main) {
  const list = h('div', {});
  const readAll = h('button', {type: 'button', class: 'secondary', onClick: () => busy(readAll, async () => {
    await post('/api/notifications/read-all');
    await show();
  })}, t('notifications.markAllRead'));
  add(main, h('div', {class: 'heading'}, h('h1', {}, t('notifications.notifications')), readAll), list);
  async function show() {
    try {
      const n = await get('/api/notifications');
      clear(list, n.items.length ? h('ul', {class: 'notes'}, n.items.map((item) => h('li', {class: item.readAt ? '' : 'unread'},
        h('div', {}, h('strong', {}, item.title), ' ', h('span', {class: 'muted'}, moment(item.createdAt))),
        h('p', {}, item.body),
        item.link ? h('a', {href: item.link, onClick: () => post(`/api/notifications/${item.id}/read`).catch(() => {})}, t('notifications.open')) : null,
        item.readAt ? null : h('button', {type: 'button', class: 'link', onClick: async () => {
          await post(`/api/notifications/${item.id}/read`);
          await show();
        }}, t('notifications.markRead')))))
        : h('p', {class: 'muted'}, t('notifications.noNotifications')));
    } catch (error) {
      clear(list, errorBox(error));
    }
  }
  await show();
}
