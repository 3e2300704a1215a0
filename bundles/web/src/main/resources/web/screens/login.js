// Login, and the password change a one-time password forces at first login.
import {h, clear, field, busy} from '../lib/dom.js';
import {get, post, setCsrf} from '../lib/api.js';
import {t, lang, switchLanguage} from '../lib/i18n.js';
import {session} from '../lib/session.js';
import {errorBox} from '../lib/ui.js';

export function render(main, {onLoggedIn}) {
  if (session.me && session.me.mustChangePassword) {
    passwordChange(main, onLoggedIn);
    return;
  }
  const login = h('input', {name: 'login', id: 'login', autocomplete: 'username', required: true, autofocus: true});
  const password = h('input', {name: 'password', id: 'password', type: 'password', autocomplete: 'current-password', required: true});
  const message = h('div', {'aria-live': 'polite'});
  const submit = h('button', {type: 'submit', id: 'login-submit'}, t('login.logIn'));
  const form = h('form', {class: 'card narrow', onSubmit: async (event) => {
    event.preventDefault();
    clear(message);
    await busy(submit, async () => {
      try {
        const me = await post('/api/auth/login', {login: login.value.trim(), password: password.value});
        setCsrf(me.csrfToken);
        session.me = me;
        if (me.mustChangePassword) {
          passwordChange(main, onLoggedIn, password.value);
        } else {
          onLoggedIn(me);
        }
      } catch (error) {
        password.value = '';
        clear(message, errorBox(error));
        password.focus();
      }
    });
  }},
  h('h1', {}, 'ОКО'),
  h('p', {class: 'muted'}, t('login.subtitle')),
  field(t('common.login'), login),
  field(t('login.password'), password),
  message,
  h('div', {class: 'actions'}, submit,
    h('button', {type: 'button', class: 'link', onClick: switchLanguage}, lang === 'en' ? 'Русский' : 'English')),
  h('p', {class: 'hint'}, t('login.hint')));
  clear(main, form);
  login.focus();
}

function passwordChange(main, onLoggedIn, oneTime = '') {
  const old = h('input', {id: 'old-password', type: 'password', autocomplete: 'current-password', required: true, value: oneTime});
  const fresh = h('input', {id: 'new-password', type: 'password', autocomplete: 'new-password', required: true, minlength: 10});
  const again = h('input', {id: 'new-password-again', type: 'password', autocomplete: 'new-password', required: true});
  const message = h('div', {'aria-live': 'polite'});
  const submit = h('button', {type: 'submit', id: 'password-submit'}, t('login.changePassword'));
  const form = h('form', {class: 'card narrow', onSubmit: async (event) => {
    event.preventDefault();
    clear(message);
    if (fresh.value !== again.value) {
      clear(message, errorBox(new Error(t('login.passwordsDiffer'))));
      again.focus();
      return;
    }
    await busy(submit, async () => {
      try {
        await post('/api/auth/password', {oldPassword: old.value, newPassword: fresh.value});
        const me = await get('/api/auth/session');
        setCsrf(me.csrfToken);
        onLoggedIn(me);
      } catch (error) {
        clear(message, errorBox(error));
      }
    });
  }},
  h('h1', {}, t('login.changeYourPassword')),
  h('p', {}, t('login.oneTimePasswordHint')),
  oneTime ? null : field(t('login.currentPassword'), old),
  field(t('login.newPassword'), fresh),
  field(t('login.newPasswordAgain'), again),
  message,
  h('div', {class: 'actions'}, submit));
  clear(main, form);
  fresh.focus();
}
