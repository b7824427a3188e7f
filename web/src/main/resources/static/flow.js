// The sign-in flow: one step on screen at a time, chosen by the username check
// (docs/contract.md §3's table), with every failure of §5 shown as a localized message.

import { GatehouseClient, GatehouseError, NetworkError, SessionEndedError, loadSettings, normalizeUsername } from './gatehouse.js';
import { hasMessage, isRightToLeft, pickLanguage, translator } from './messages.js';

const browserLanguages = navigator.languages?.length ? navigator.languages : [navigator.language];
const language = pickLanguage(browserLanguages);
const t = translator(language);
// The server localizes its own messages from the tag (ur-PK answers in ur). Send the
// browser's tag of the language the page speaks, not simply its first one: for a browser
// that lists fr-FR then es-ES the page is Spanish, and so must the server's messages be.
const localeTag = browserLanguages.find((tag) => String(tag).toLowerCase().split('-')[0] === language) ?? language;
// Created at start with the settings the server publishes (its app key, version, API base).
let client = null;

const $ = (id) => document.getElementById(id);

const STEPS = ['who', 'register', 'login', 'onboarding', 'pin', 'home'];

let username = null;

function localize() {
  document.documentElement.lang = language;
  document.documentElement.dir = isRightToLeft(language) ? 'rtl' : 'ltr';
  document.title = t('app.name');
  for (const element of document.querySelectorAll('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n);
  }
}

function show(step, { keepMessages = false } = {}) {
  if (!keepMessages) {
    clearMessages();
  }
  for (const name of STEPS) {
    $('step-' + name).hidden = name !== step;
  }
  document.body.dataset.step = step;
  $(step + '-title').focus();
}

/** The next step for a username-check answer (docs/contract.md §3). */
function stepFor(check) {
  if (!check.exists) {
    return 'register';
  }
  if (client.username !== username) {
    return 'login';
  }
  if (!check.hasCustomer) {
    return 'onboarding';
  }
  return check.pinSet ? 'home' : 'pin';
}

function route(check, options) {
  const step = stepFor(check);
  if (step === 'register') {
    $('register-intro').textContent = t('register.intro', username);
  }
  else if (step === 'login') {
    $('login-intro').textContent = t('login.intro', username);
    $('login-username').value = username;
    $('login-password').value = '';
  }
  else if (step === 'home') {
    renderHome(check);
  }
  show(step, options);
}

function renderHome(check) {
  $('home-title').textContent = t('home.title', username);
  $('home-email').textContent = maskEmail(check.email);
  $('home-phone').textContent = maskPhone(check.phone);
  const status = check.subscriptionStatus;
  const key = status == null ? 'subscription.none' : 'subscription.' + status;
  // Stripe adds statuses now and then: one this page does not know yet is 'Unknown',
  // not the message key.
  $('home-subscription').textContent = t(hasMessage(key) ? key : 'subscription.unknown');
}

/** t••••••••••@yopmail.com: enough to recognise, not enough to harvest. */
function maskEmail(email) {
  if (!email) {
    return '';
  }
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const keep = Math.min(2, Math.max(1, local.length - 1));
  return local.slice(0, keep) + '•'.repeat(Math.max(1, local.length - keep)) + email.slice(at);
}

/** +92•••••••266: the country code and the last three digits. */
function maskPhone(phone) {
  if (!phone || phone.length < 7) {
    return phone ?? '';
  }
  return phone.slice(0, 3) + '•'.repeat(phone.length - 6) + phone.slice(-3);
}

/** A hint only: the server decides (400 weak-pin), by the same rules. */
function pinStrength(pin) {
  if (pin === '') {
    return 'empty';
  }
  if (!/^\d{4,6}$/.test(pin)) {
    return 'invalid';
  }
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((d, i) => d - digits[i]));
  const straight = steps.size === 1 && (steps.has(0) || steps.has(1) || steps.has(-1));
  if (straight) {
    return 'weak';
  }
  return pin.length >= 6 ? 'strong' : 'fair';
}

// Messages

function clearMessages() {
  $('notice').textContent = '';
  $('error').hidden = true;
  $('error-text').textContent = '';
  $('error-request-id').hidden = true;
  $('error-retry').hidden = true;
  $('error-login').hidden = true;
  for (const element of document.querySelectorAll('.field-error')) {
    element.hidden = true;
    element.textContent = '';
  }
  for (const element of document.querySelectorAll('[aria-invalid]')) {
    element.removeAttribute('aria-invalid');
  }
}

function notice(text) {
  $('notice').textContent = text;
}

function showError(text, { requestId = null, retry = null, loginInstead = false } = {}) {
  $('error-text').textContent = text;
  if (requestId) {
    $('error-request-id').textContent = t('error.request-id', requestId);
    $('error-request-id').hidden = false;
  }
  $('error-retry').hidden = retry == null;
  $('error-retry').onclick = retry;
  $('error-login').hidden = !loginInstead;
  $('error').hidden = false;
}

function fieldError(field, text) {
  const element = $('register-' + field + '-error');
  if (element == null) {
    return false;
  }
  element.textContent = text;
  element.hidden = false;
  $('register-' + field)?.setAttribute('aria-invalid', 'true');
  return true;
}

/** Shows a failure of docs/contract.md §5 the way its table says; retry re-runs the action. */
function fail(error, retry) {
  if (error instanceof SessionEndedError) {
    show('who');
    showError(t('error.session-ended'));
    return;
  }
  if (error instanceof NetworkError) {
    showError(t('error.network'), { requestId: error.requestId, retry });
    return;
  }
  switch (error.code) {
    case 'rate-limited':
      showError(t('error.rate-limited', error.retryAfter ?? 60));
      return;
    case 'upgrade-required':
      showError(t('error.upgrade'));
      return;
    case 'service-unavailable':
      showError(t('error.unavailable'), { requestId: error.requestId, retry });
      return;
    case 'username-taken':
      showError(error.detail ?? t('error.generic'), { loginInstead: true });
      return;
    case 'customer-required':
      show('onboarding');
      return;
    case 'validation-failed': {
      const unplaced = error.errors.filter((e) => !fieldError(e.field, e.message));
      showError([error.detail, ...unplaced.map((e) => e.message)].filter(Boolean).join(' '));
      return;
    }
    default:
      // A body that is not the contract's (a captive portal's page) is the server's fault
      // too, as far as the user can tell: the same message, request id and retry.
      if (error.status >= 500 || error.status === 0 || error.code === 'unexpected-response') {
        showError(t('error.server'), { requestId: error.requestId, retry });
        return;
      }
      showError(error.detail ?? t('error.generic'));
  }
}

/** Runs one user action: the form is busy meanwhile, and a failure is shown. */
async function run(form, action) {
  if (client == null) {
    // The settings could not be loaded: the error and its retry button are on screen.
    return;
  }
  clearMessages();
  const attempt = async () => {
    form.setAttribute('aria-busy', 'true');
    for (const button of form.querySelectorAll('button')) {
      button.disabled = true;
    }
    try {
      await action();
    }
    catch (error) {
      if (!(error instanceof Error) || error.status === undefined) {
        throw error;
      }
      fail(error, () => {
        clearMessages();
        attempt();
      });
    }
    finally {
      form.removeAttribute('aria-busy');
      for (const button of form.querySelectorAll('button')) {
        button.disabled = false;
      }
    }
  };
  await attempt();
}

// Steps

function validateUsernameField() {
  const value = $('username').value;
  const valid = value === '' || normalizeUsername(value) != null;
  $('username-error').textContent = valid ? '' : t('username.invalid');
  $('username-error').hidden = valid;
  if (valid) {
    $('username').removeAttribute('aria-invalid');
  }
  else {
    $('username').setAttribute('aria-invalid', 'true');
  }
  return valid;
}

async function checkAndRoute(options) {
  route(await client.checkUsername(username), options);
}

function onWho(event) {
  event.preventDefault();
  const normalized = normalizeUsername($('username').value);
  if (normalized == null) {
    // An empty field is fine while typing, not on submit.
    $('username-error').textContent = t('username.invalid');
    $('username-error').hidden = false;
    $('username').setAttribute('aria-invalid', 'true');
    $('username').focus();
    return;
  }
  username = normalized;
  run(event.currentTarget, () => checkAndRoute());
}

function onRegister(event) {
  event.preventDefault();
  const form = event.currentTarget;
  run(form, async () => {
    await client.register({
      username,
      email: $('register-email').value.trim(),
      phone: $('register-phone').value.trim(),
      password: $('register-password').value,
    });
    $('register-password').value = '';
    // The new account is not this session's user yet: the check's table says "log in".
    route({ exists: true }, { keepMessages: true });
    notice(t('register.done'));
  });
}

function onLogin(event) {
  event.preventDefault();
  const password = $('login-password').value;
  run(event.currentTarget, async () => {
    await client.login(username, password);
    $('login-password').value = '';
    // As the user, the check answers the full record, which names the true next step.
    await checkAndRoute();
  });
}

function onOnboarding(event) {
  event.preventDefault();
  run(event.currentTarget, async () => route(await client.createCustomer()));
}

function onPinInput() {
  const strength = pinStrength($('pin').value);
  $('pin-strength').textContent = t('pin.strength.' + strength);
  $('pin-strength').className = 'strength strength-' + strength;
}

function onPin(event) {
  event.preventDefault();
  run(event.currentTarget, async () => {
    await client.setPin($('pin').value);
    $('pin').value = '';
    onPinInput();
    await checkAndRoute();
  });
}

function restart({ message = null } = {}) {
  username = null;
  show('who');
  if (message) {
    notice(message);
  }
}

async function onLogout() {
  $('logout').disabled = true;
  try {
    await client.logout();
  }
  catch {
    // Signed out locally whatever the server said (see GatehouseClient.logout).
  }
  finally {
    $('logout').disabled = false;
  }
  $('username').value = '';
  restart({ message: t('status.signed-out') });
}

async function start() {
  localize();
  $('form-who').addEventListener('submit', onWho);
  $('username').addEventListener('input', validateUsernameField);
  $('form-register').addEventListener('submit', onRegister);
  $('form-login').addEventListener('submit', onLogin);
  $('form-onboarding').addEventListener('submit', onOnboarding);
  $('form-pin').addEventListener('submit', onPin);
  $('pin').addEventListener('input', onPinInput);
  $('logout').addEventListener('click', onLogout);
  $('error-login').addEventListener('click', () => route({ exists: true }));
  for (const button of document.querySelectorAll('[data-action="restart"]')) {
    button.addEventListener('click', () => restart());
  }
  await connect();
}

/** Fetches the server's settings, then resumes the tab's session when there is one. */
async function connect() {
  try {
    client = new GatehouseClient({ ...(await loadSettings()), locale: localeTag });
  }
  catch (error) {
    if (!(error instanceof GatehouseError)) {
      throw error;
    }
    showError(t(error instanceof NetworkError ? 'error.network' : 'error.server'), {
      requestId: error.requestId,
      retry: () => {
        clearMessages();
        connect();
      },
    });
    return;
  }
  // No step before the settings: nothing could be sent yet.
  show('who');
  if (!client.canResume) {
    return;
  }
  // A reload in the same tab keeps the session: its refresh token is in sessionStorage.
  await run($('form-who'), async () => {
    username = await client.resume();
    if (username == null) {
      return;
    }
    $('username').value = username;
    await checkAndRoute();
  });
}

start();
