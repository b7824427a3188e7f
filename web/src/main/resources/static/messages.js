// The page's own words, in the three languages Gatehouse ships (en, ur, es). Messages the
// server writes (its problem `detail`, validation messages) arrive already localized from
// the `locale` header; the ones here are those the page shows before or without a call.
// username.invalid is word for word the server's invalid-username detail (a test checks it).

const en = {
  'app.name': 'Gatehouse',
  'app.tagline': 'Sign in to your account',
  'who.title': 'Who are you?',
  'who.label': 'Username',
  'who.hint': 'For example bmp_kfayy_6526.',
  'who.submit': 'Continue',
  'username.invalid': 'Usernames are 3 to 32 characters: letters, digits, dots and underscores.',
  'register.title': 'Create your account',
  'register.intro': 'Nobody uses {0} yet. Create the account.',
  'register.email': 'Email',
  'register.phone': 'Phone',
  'register.phone.hint': 'International format, for example +923001234567.',
  'register.password': 'Password',
  'register.password.hint': '12 to 128 characters, not your username.',
  'register.submit': 'Create account',
  'register.done': 'Account created. Log in with your new password.',
  'login.title': 'Enter your password',
  'login.intro': 'Log in as {0}.',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'common.other': 'Use another username',
  'onboarding.title': 'Create your profile',
  'onboarding.intro': 'One more step: create your customer profile to continue.',
  'onboarding.submit': 'Create my profile',
  'pin.title': 'Choose a PIN',
  'pin.intro': 'You will use it to confirm payments.',
  'pin.label': 'PIN',
  'pin.hint': '4 to 6 digits. Avoid repeated digits and runs such as 1234.',
  'pin.strength.empty': '',
  'pin.strength.invalid': 'Use 4 to 6 digits.',
  'pin.strength.weak': 'Too easy to guess.',
  'pin.strength.fair': 'Fair: a longer PIN is stronger.',
  'pin.strength.strong': 'Strong.',
  'pin.submit': 'Set PIN',
  'home.title': 'Welcome, {0}',
  'home.email': 'Email',
  'home.phone': 'Phone',
  'home.subscription': 'Subscription',
  'home.logout': 'Log out',
  'subscription.none': 'None',
  'subscription.active': 'Active',
  'subscription.trialing': 'Trial',
  'subscription.past_due': 'Payment overdue',
  'subscription.canceled': 'Canceled',
  'subscription.unpaid': 'Unpaid',
  'subscription.incomplete': 'Incomplete',
  'subscription.incomplete_expired': 'Expired',
  'subscription.paused': 'Paused',
  'subscription.unknown': 'Unknown',
  'status.signed-out': 'You are signed out.',
  'error.session-ended': 'Your session has ended. Please sign in again.',
  'error.rate-limited': 'Too many attempts, try again in {0} s.',
  'error.upgrade': 'Please update the app to continue.',
  'error.network': 'We could not reach Gatehouse. Check your connection and try again.',
  'error.server': 'Something went wrong on our side. Please try again.',
  'error.unavailable': 'Gatehouse is busy right now. Please try again.',
  'error.generic': 'That did not work. Please try again.',
  'error.request-id': 'Request ID: {0}',
  'error.retry': 'Try again',
  'error.login-instead': 'Log in instead',
};

const ur = {
  'app.name': 'گیٹ ہاؤس',
  'app.tagline': 'اپنے اکاؤنٹ میں سائن ان کریں',
  'who.title': 'آپ کون ہیں؟',
  'who.label': 'صارف نام',
  'who.hint': 'مثلاً bmp_kfayy_6526۔',
  'who.submit': 'جاری رکھیں',
  'username.invalid': 'صارف نام 3 سے 32 حروف کا ہوتا ہے: حروف، ہندسے، نقطے اور انڈر سکور۔',
  'register.title': 'اپنا اکاؤنٹ بنائیں',
  'register.intro': '{0} ابھی کسی کے پاس نہیں۔ اکاؤنٹ بنائیں۔',
  'register.email': 'ای میل',
  'register.phone': 'فون',
  'register.phone.hint': 'بین الاقوامی شکل میں، مثلاً ‎+923001234567‎۔',
  'register.password': 'پاس ورڈ',
  'register.password.hint': '12 سے 128 حروف، صارف نام کے علاوہ۔',
  'register.submit': 'اکاؤنٹ بنائیں',
  'register.done': 'اکاؤنٹ بن گیا۔ نئے پاس ورڈ سے لاگ ان کریں۔',
  'login.title': 'اپنا پاس ورڈ درج کریں',
  'login.intro': '{0} کے طور پر لاگ ان کریں۔',
  'login.password': 'پاس ورڈ',
  'login.submit': 'لاگ ان',
  'common.other': 'دوسرا صارف نام استعمال کریں',
  'onboarding.title': 'اپنی پروفائل بنائیں',
  'onboarding.intro': 'ایک قدم اور: جاری رکھنے کے لیے اپنی کسٹمر پروفائل بنائیں۔',
  'onboarding.submit': 'میری پروفائل بنائیں',
  'pin.title': 'پن منتخب کریں',
  'pin.intro': 'آپ اسے ادائیگیوں کی تصدیق کے لیے استعمال کریں گے۔',
  'pin.label': 'پن',
  'pin.hint': '4 سے 6 ہندسے۔ ایک ہی ہندسہ بار بار یا 1234 جیسی ترتیب سے بچیں۔',
  'pin.strength.empty': '',
  'pin.strength.invalid': '4 سے 6 ہندسے استعمال کریں۔',
  'pin.strength.weak': 'اندازہ لگانا بہت آسان ہے۔',
  'pin.strength.fair': 'ٹھیک ہے: لمبا پن زیادہ مضبوط ہوتا ہے۔',
  'pin.strength.strong': 'مضبوط۔',
  'pin.submit': 'پن محفوظ کریں',
  'home.title': 'خوش آمدید، {0}',
  'home.email': 'ای میل',
  'home.phone': 'فون',
  'home.subscription': 'سبسکرپشن',
  'home.logout': 'لاگ آؤٹ',
  'subscription.none': 'کوئی نہیں',
  'subscription.active': 'فعال',
  'subscription.trialing': 'آزمائشی',
  'subscription.past_due': 'ادائیگی واجب الادا',
  'subscription.canceled': 'منسوخ',
  'subscription.unpaid': 'غیر ادا شدہ',
  'subscription.incomplete': 'نامکمل',
  'subscription.incomplete_expired': 'ختم شدہ',
  'subscription.paused': 'موقوف',
  'subscription.unknown': 'نامعلوم',
  'status.signed-out': 'آپ سائن آؤٹ ہو گئے ہیں۔',
  'error.session-ended': 'آپ کا سیشن ختم ہو گیا ہے۔ دوبارہ سائن ان کریں۔',
  'error.rate-limited': 'بہت زیادہ کوششیں، {0} سیکنڈ بعد دوبارہ کوشش کریں۔',
  'error.upgrade': 'جاری رکھنے کے لیے ایپ اپ ڈیٹ کریں۔',
  'error.network': 'گیٹ ہاؤس سے رابطہ نہیں ہو سکا۔ اپنا کنکشن چیک کر کے دوبارہ کوشش کریں۔',
  'error.server': 'ہماری طرف کچھ غلط ہو گیا۔ دوبارہ کوشش کریں۔',
  'error.unavailable': 'گیٹ ہاؤس اس وقت مصروف ہے۔ دوبارہ کوشش کریں۔',
  'error.generic': 'یہ کام نہیں ہوا۔ دوبارہ کوشش کریں۔',
  'error.request-id': 'درخواست آئی ڈی: {0}',
  'error.retry': 'دوبارہ کوشش کریں',
  'error.login-instead': 'اس کے بجائے لاگ ان کریں',
};

const es = {
  'app.name': 'Gatehouse',
  'app.tagline': 'Inicia sesión en tu cuenta',
  'who.title': '¿Quién eres?',
  'who.label': 'Nombre de usuario',
  'who.hint': 'Por ejemplo, bmp_kfayy_6526.',
  'who.submit': 'Continuar',
  'username.invalid': 'Los nombres de usuario tienen de 3 a 32 caracteres: letras, dígitos, puntos y guiones bajos.',
  'register.title': 'Crea tu cuenta',
  'register.intro': 'Nadie usa {0} todavía. Crea la cuenta.',
  'register.email': 'Correo electrónico',
  'register.phone': 'Teléfono',
  'register.phone.hint': 'Formato internacional, por ejemplo +34600123456.',
  'register.password': 'Contraseña',
  'register.password.hint': 'De 12 a 128 caracteres, distinta de tu nombre de usuario.',
  'register.submit': 'Crear cuenta',
  'register.done': 'Cuenta creada. Inicia sesión con tu nueva contraseña.',
  'login.title': 'Escribe tu contraseña',
  'login.intro': 'Inicia sesión como {0}.',
  'login.password': 'Contraseña',
  'login.submit': 'Iniciar sesión',
  'common.other': 'Usar otro nombre de usuario',
  'onboarding.title': 'Crea tu perfil',
  'onboarding.intro': 'Un paso más: crea tu perfil de cliente para continuar.',
  'onboarding.submit': 'Crear mi perfil',
  'pin.title': 'Elige un PIN',
  'pin.intro': 'Lo usarás para confirmar pagos.',
  'pin.label': 'PIN',
  'pin.hint': 'De 4 a 6 dígitos. Evita dígitos repetidos y secuencias como 1234.',
  'pin.strength.empty': '',
  'pin.strength.invalid': 'Usa de 4 a 6 dígitos.',
  'pin.strength.weak': 'Demasiado fácil de adivinar.',
  'pin.strength.fair': 'Aceptable: un PIN más largo es más seguro.',
  'pin.strength.strong': 'Seguro.',
  'pin.submit': 'Guardar PIN',
  'home.title': 'Hola, {0}',
  'home.email': 'Correo electrónico',
  'home.phone': 'Teléfono',
  'home.subscription': 'Suscripción',
  'home.logout': 'Cerrar sesión',
  'subscription.none': 'Ninguna',
  'subscription.active': 'Activa',
  'subscription.trialing': 'En prueba',
  'subscription.past_due': 'Pago atrasado',
  'subscription.canceled': 'Cancelada',
  'subscription.unpaid': 'Impagada',
  'subscription.incomplete': 'Incompleta',
  'subscription.incomplete_expired': 'Caducada',
  'subscription.paused': 'En pausa',
  'subscription.unknown': 'Desconocida',
  'status.signed-out': 'Has cerrado la sesión.',
  'error.session-ended': 'Tu sesión ha terminado. Vuelve a iniciar sesión.',
  'error.rate-limited': 'Demasiados intentos, inténtalo de nuevo en {0} s.',
  'error.upgrade': 'Actualiza la aplicación para continuar.',
  'error.network': 'No pudimos conectar con Gatehouse. Revisa tu conexión e inténtalo de nuevo.',
  'error.server': 'Algo salió mal por nuestra parte. Inténtalo de nuevo.',
  'error.unavailable': 'Gatehouse está ocupado ahora mismo. Inténtalo de nuevo.',
  'error.generic': 'No ha funcionado. Inténtalo de nuevo.',
  'error.request-id': 'ID de solicitud: {0}',
  'error.retry': 'Reintentar',
  'error.login-instead': 'Iniciar sesión',
};

const catalogs = { en, ur, es };

/** The first of the browser's languages Gatehouse ships, else English (as the server does). */
export function pickLanguage(languages) {
  for (const tag of languages ?? []) {
    const primary = String(tag).toLowerCase().split('-')[0];
    if (primary in catalogs) {
      return primary;
    }
  }
  return 'en';
}

/** Whether the page has a message of this key (in English, and so in every language). */
export function hasMessage(key) {
  return key in en;
}

/** Whether a language is written right to left. */
export function isRightToLeft(language) {
  return language === 'ur';
}

/** A lookup function for one language: t('key', arg0, arg1…), falling back to English. */
export function translator(language) {
  const catalog = catalogs[language] ?? en;
  return (key, ...args) => {
    const text = catalog[key] ?? en[key] ?? key;
    return text.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ''));
  };
}
