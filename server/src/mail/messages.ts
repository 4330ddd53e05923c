import type { Locale } from '@convene/shared';

/**
 * The words of every email, per interface language. Each language must have every key (the
 * `satisfies` below), so a language the interface gains cannot ship with a mail half in English.
 * Values that take arguments are functions; the arguments are escaped where they are inserted.
 */
const en = {
  footer: 'Convene — online consultations',
  greeting: (name: string) => `Hello ${name},`,
  notificationFooter: 'You receive this email because of your notification settings.',
  unsubscribe: 'Unsubscribe from these emails',
  passwordReset: {
    subject: 'Reset your Convene password',
    intro: 'Someone (hopefully you) asked to reset the password of your Convene account.',
    action: 'Choose a new password',
    validity: 'This link works once, for one hour.',
    ignore: 'If you did not ask for this, ignore this email: your password stays as it is.',
    linkHint: 'If the button does not work, copy this address into your browser:',
  },
};
type Messages = typeof en;

const fr: Messages = {
  footer: 'Convene — consultations en ligne',
  greeting: (name) => `Bonjour ${name},`,
  notificationFooter: 'Vous recevez ce message en raison de vos préférences de notification.',
  unsubscribe: 'Ne plus recevoir ces messages',
  passwordReset: {
    subject: 'Réinitialisez votre mot de passe Convene',
    intro: 'Quelqu’un (vous, espérons-le) a demandé à réinitialiser le mot de passe de votre compte Convene.',
    action: 'Choisir un nouveau mot de passe',
    validity: 'Ce lien fonctionne une seule fois, pendant une heure.',
    ignore: 'Si vous n’avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.',
    linkHint: 'Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :',
  },
};

const es: Messages = {
  footer: 'Convene — consultas en línea',
  greeting: (name) => `Hola, ${name}:`,
  notificationFooter: 'Recibe este correo por su configuración de notificaciones.',
  unsubscribe: 'Dejar de recibir estos correos',
  passwordReset: {
    subject: 'Restablezca su contraseña de Convene',
    intro: 'Alguien (esperamos que usted) pidió restablecer la contraseña de su cuenta de Convene.',
    action: 'Elegir una nueva contraseña',
    validity: 'Este enlace funciona una sola vez, durante una hora.',
    ignore: 'Si no lo pidió, ignore este correo: su contraseña no cambia.',
    linkHint: 'Si el botón no funciona, copie esta dirección en su navegador:',
  },
};

export const MESSAGES = { en, fr, es } satisfies Record<Locale, Messages>;
export const messagesFor = (locale: Locale): Messages => MESSAGES[locale];
