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
  notification: {
    view: 'View the comment',
    linkHint: 'The comment: ',
    yourText: 'Your text:',
    reason: 'The moderator’s reason:',
    revise: 'Revise your comment',
    reviseHint: 'You can edit it from the same page; an edited comment goes back to the moderators.',
    inReplyTo: 'In reply to your comment:',
    comment_approved: {
      subject: 'Your comment was published',
      intro: 'A moderator approved your comment: everyone can read it now.',
    },
    comment_rejected: {
      subject: 'Your comment was not published',
      intro: 'A moderator decided not to publish your comment.',
    },
    edit_approved: {
      subject: 'Your edit was published',
      intro: 'A moderator approved your edit: the new text is published.',
    },
    edit_rejected: {
      subject: 'Your edit was not published',
      intro: 'A moderator decided not to publish your edit; the text published before stays as it was.',
    },
    comment_reply: {
      subject: (name: string) => `${name} replied to your comment`,
      intro: (name: string) => `${name} replied to your comment:`,
    },
  },
  follows: {
    new_contribution: {
      subject: (name: string) => `New contribution by ${name}`,
      intro: (name: string) => `${name} contributed to a discussion you follow:`,
    },
    inQuestion: (n: number, text: string) => `Question ${n}: ${text}`,
    general: 'General comments',
    by: (name: string, affiliation: string) => (affiliation ? `${name}, ${affiliation}` : name),
    readMore: 'Read it all',
    view: 'View the contribution',
    why: 'You receive this because you follow this space or question. You can stop following it on its page.',
  },
  digest: {
    subject: { daily: 'Your daily digest', weekly: 'Your weekly digest' },
    intro: {
      daily: (count: number) => (count === 1 ? 'One new item since yesterday:' : `${count} new items since yesterday:`),
      weekly: (count: number) => (count === 1 ? 'One new item this week:' : `${count} new items this week:`),
    },
    kinds: {
      new_contribution: 'New contribution',
      comment_reply: 'Reply to your comment',
      comment_approved: 'Your comment was published',
      comment_rejected: 'Your comment was not published',
      edit_approved: 'Your edit was published',
      edit_rejected: 'Your edit was not published',
    },
  },
  spaceNotice: {
    open: 'Open the space',
    linkHint: 'If the button does not work, copy this address into your browser:',
    space_closing: {
      subject: (date: string) => `Closes for comments on ${date}`,
      intro: (date: string) =>
        `A space you follow closes for comments on ${date}, in about three days. If you mean to contribute, there is still time.`,
    },
    space_closed: {
      subject: 'Closed for comments',
      intro: 'A space you follow is now closed for comments. Its published contributions stay there to read.',
    },
    staff_pending: {
      subject: (count: number) =>
        count === 1 ? 'One item waiting for moderation' : `${count} items waiting for moderation`,
      intro: (count: number) =>
        count === 1
          ? 'One item is waiting in the moderation queue.'
          : `${count} items are waiting in the moderation queue.`,
      oldest: (waited: string) => `The oldest has been waiting for ${waited}.`,
      action: 'Open the moderation queue',
      pace: 'You hear of new items at once after a quiet hour, then at most once an hour.',
    },
    chair_summary: {
      subject: 'Closed: the summary',
      intro: 'A space you chair has closed for comments. Its figures at closing:',
      contributions: 'Contributions published',
      participants: 'Participants',
      memberStates: 'Member States',
      dashboard: 'Dashboard',
      report: 'Word report',
      spreadsheet: 'Spreadsheet (Excel)',
      notes: 'Notes',
    },
  },
  unsubscribePage: {
    title: 'Unsubscribe',
    kinds: {
      decisions: 'emails about moderators’ decisions on your comments',
      replies: 'emails about replies to your comments',
      followed: 'emails about new contributions in what you follow',
      reminders: 'reminders about the spaces you follow closing',
      staff: 'emails about items waiting for moderation and the summaries of closed spaces',
    },
    explain: (what: string, email: string) => `Stop sending ${what} to ${email}?`,
    button: 'Unsubscribe',
    done: (what: string) => `Done: you will no longer receive ${what}.`,
    again: 'You can turn them on again on your account page, under notification preferences.',
    invalid: 'This unsubscribe link is not valid. You can change your notification preferences on your account page.',
  },
  passwordReset: {
    subject: 'Reset your Convene password',
    intro: 'Someone (hopefully you) asked to reset the password of your Convene account.',
    action: 'Choose a new password',
    validity: 'This link works once, for one hour.',
    ignore: 'If you did not ask for this, ignore this email: your password stays as it is.',
    linkHint: 'If the button does not work, copy this address into your browser:',
  },
  verification: {
    subject: 'Confirm your email address for Convene',
    intro: 'Welcome to Convene. Please confirm that this is your email address.',
    action: 'Confirm my address',
    validity: 'This link works once, for 7 days.',
    why: 'Until you confirm it, your comments wait and are not sent to the moderators.',
    ignore: 'If you did not create an account, ignore this email.',
  },
  emailChange: {
    subject: 'Confirm your new email address for Convene',
    intro: (old: string) => `You asked to use this address for your Convene account instead of ${old}.`,
    action: 'Confirm the new address',
    validity: 'This link works once, for 24 hours. Until then your account keeps its current address.',
    ignore: 'If you did not ask for this, ignore this email: nothing changes.',
  },
  emailChanged: {
    subject: 'Your Convene email address was changed',
    intro: (address: string) => `The email address of your Convene account is now ${address}.`,
    notYou: 'If you did not make this change, reset your password from the sign-in page and contact the secretariat.',
  },
  invitation: {
    subject: { moderator: 'Invitation to moderate', chair: 'Invitation to chair' },
    intro: {
      moderator: (inviter: string, space: string) =>
        `${inviter} invites you to moderate “${space}” on Convene: you will decide which contributions are published.`,
      chair: (inviter: string, space: string) =>
        `${inviter} invites you to chair “${space}” on Convene: you will write its background and the note drawn from the contributions.`,
    },
    action: 'Create your account',
    validity: 'This invitation works for 14 days. Create your account with this address and you hold the role at once.',
    ignore: 'If you do not expect this invitation, ignore this email.',
  },
  roleGranted: {
    subject: { moderator: 'You now moderate this space', chair: 'You now chair this space' },
    intro: {
      moderator: (inviter: string, space: string) => `${inviter} appointed you moderator of “${space}” on Convene.`,
      chair: (inviter: string, space: string) => `${inviter} appointed you chair of “${space}” on Convene.`,
    },
    action: 'Open the space',
  },
};
type Messages = typeof en;

const fr: Messages = {
  footer: 'Convene — consultations en ligne',
  greeting: (name) => `Bonjour ${name},`,
  notificationFooter: 'Vous recevez ce message en raison de vos préférences de notification.',
  unsubscribe: 'Ne plus recevoir ces messages',
  notification: {
    view: 'Voir le commentaire',
    linkHint: 'Le commentaire : ',
    yourText: 'Votre texte :',
    reason: 'La raison donnée par la modération :',
    revise: 'Modifier votre commentaire',
    reviseHint: 'Vous pouvez le modifier depuis la même page ; un commentaire modifié repasse en modération.',
    inReplyTo: 'En réponse à votre commentaire :',
    comment_approved: {
      subject: 'Votre commentaire a été publié',
      intro: 'La modération a approuvé votre commentaire : tout le monde peut désormais le lire.',
    },
    comment_rejected: {
      subject: 'Votre commentaire n’a pas été publié',
      intro: 'La modération a décidé de ne pas publier votre commentaire.',
    },
    edit_approved: {
      subject: 'Votre modification a été publiée',
      intro: 'La modération a approuvé votre modification : le nouveau texte est publié.',
    },
    edit_rejected: {
      subject: 'Votre modification n’a pas été publiée',
      intro: 'La modération a décidé de ne pas publier votre modification ; le texte publié auparavant reste inchangé.',
    },
    comment_reply: {
      subject: (name) => `${name} a répondu à votre commentaire`,
      intro: (name) => `${name} a répondu à votre commentaire :`,
    },
  },
  follows: {
    new_contribution: {
      subject: (name) => `Nouvelle contribution de ${name}`,
      intro: (name) => `${name} a contribué à une discussion que vous suivez :`,
    },
    inQuestion: (n, text) => `Question ${n} : ${text}`,
    general: 'Commentaires généraux',
    by: (name, affiliation) => (affiliation ? `${name}, ${affiliation}` : name),
    readMore: 'Lire la suite',
    view: 'Voir la contribution',
    why: 'Vous recevez ce message parce que vous suivez cet espace ou cette question. Vous pouvez cesser de le suivre depuis sa page.',
  },
  digest: {
    subject: { daily: 'Votre résumé quotidien', weekly: 'Votre résumé hebdomadaire' },
    intro: {
      daily: (count) => (count === 1 ? 'Un nouvel élément depuis hier :' : `${count} nouveaux éléments depuis hier :`),
      weekly: (count) =>
        count === 1 ? 'Un nouvel élément cette semaine :' : `${count} nouveaux éléments cette semaine :`,
    },
    kinds: {
      new_contribution: 'Nouvelle contribution',
      comment_reply: 'Réponse à votre commentaire',
      comment_approved: 'Votre commentaire a été publié',
      comment_rejected: 'Votre commentaire n’a pas été publié',
      edit_approved: 'Votre modification a été publiée',
      edit_rejected: 'Votre modification n’a pas été publiée',
    },
  },
  spaceNotice: {
    open: 'Ouvrir l’espace',
    linkHint: 'Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :',
    space_closing: {
      subject: (date) => `Fermeture aux commentaires le ${date}`,
      intro: (date) =>
        `Un espace que vous suivez ferme aux commentaires le ${date}, dans trois jours environ. Si vous comptez contribuer, il est encore temps.`,
    },
    space_closed: {
      subject: 'Fermé aux commentaires',
      intro:
        'Un espace que vous suivez est désormais fermé aux commentaires. Ses contributions publiées restent consultables.',
    },
    staff_pending: {
      subject: (count) =>
        count === 1 ? 'Un élément en attente de modération' : `${count} éléments en attente de modération`,
      intro: (count) =>
        count === 1
          ? 'Un élément attend dans la file de modération.'
          : `${count} éléments attendent dans la file de modération.`,
      oldest: (waited) => `Le plus ancien attend depuis ${waited}.`,
      action: 'Ouvrir la file de modération',
      pace: 'Vous êtes prévenu aussitôt après une heure calme, puis au plus une fois par heure.',
    },
    chair_summary: {
      subject: 'Clos : le bilan',
      intro: 'Un espace que vous présidez est fermé aux commentaires. Ses chiffres à la clôture :',
      contributions: 'Contributions publiées',
      participants: 'Participants',
      memberStates: 'États membres',
      dashboard: 'Tableau de bord',
      report: 'Rapport Word',
      spreadsheet: 'Tableur (Excel)',
      notes: 'Notes',
    },
  },
  unsubscribePage: {
    title: 'Se désabonner',
    kinds: {
      decisions: 'les messages sur les décisions de la modération concernant vos commentaires',
      replies: 'les messages sur les réponses à vos commentaires',
      followed: 'les messages sur les nouvelles contributions dans ce que vous suivez',
      reminders: 'les rappels sur la clôture des espaces que vous suivez',
      staff: 'les messages sur les éléments en attente de modération et les bilans des espaces clos',
    },
    explain: (what, email) => `Ne plus envoyer ${what} à ${email} ?`,
    button: 'Se désabonner',
    done: (what) => `C’est fait : vous ne recevrez plus ${what}.`,
    again: 'Vous pouvez les réactiver sur la page de votre compte, dans les préférences de notification.',
    invalid:
      'Ce lien de désabonnement n’est pas valide. Vous pouvez modifier vos préférences de notification sur la page de votre compte.',
  },
  passwordReset: {
    subject: 'Réinitialisez votre mot de passe Convene',
    intro: 'Quelqu’un (vous, espérons-le) a demandé à réinitialiser le mot de passe de votre compte Convene.',
    action: 'Choisir un nouveau mot de passe',
    validity: 'Ce lien fonctionne une seule fois, pendant une heure.',
    ignore: 'Si vous n’avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.',
    linkHint: 'Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :',
  },
  verification: {
    subject: 'Confirmez votre adresse e-mail pour Convene',
    intro: 'Bienvenue sur Convene. Merci de confirmer que cette adresse est bien la vôtre.',
    action: 'Confirmer mon adresse',
    validity: 'Ce lien fonctionne une seule fois, pendant 7 jours.',
    why: 'Tant que vous ne l’avez pas confirmée, vos commentaires restent en attente et ne sont pas transmis à la modération.',
    ignore: 'Si vous n’avez pas créé de compte, ignorez ce message.',
  },
  emailChange: {
    subject: 'Confirmez votre nouvelle adresse e-mail pour Convene',
    intro: (old) => `Vous avez demandé à utiliser cette adresse pour votre compte Convene à la place de ${old}.`,
    action: 'Confirmer la nouvelle adresse',
    validity:
      'Ce lien fonctionne une seule fois, pendant 24 heures. D’ici là, votre compte garde son adresse actuelle.',
    ignore: 'Si vous n’avez rien demandé, ignorez ce message : rien ne change.',
  },
  emailChanged: {
    subject: 'L’adresse e-mail de votre compte Convene a été modifiée',
    intro: (address) => `L’adresse e-mail de votre compte Convene est désormais ${address}.`,
    notYou:
      'Si vous n’êtes pas à l’origine de ce changement, réinitialisez votre mot de passe depuis la page de connexion et contactez le secrétariat.',
  },
  invitation: {
    subject: { moderator: 'Invitation à assurer la modération', chair: 'Invitation à présider' },
    intro: {
      moderator: (inviter, space) =>
        `${inviter} vous invite à assurer la modération de « ${space} » sur Convene : vous déciderez des contributions publiées.`,
      chair: (inviter, space) =>
        `${inviter} vous invite à présider « ${space} » sur Convene : vous rédigerez son document de référence et la note tirée des contributions.`,
    },
    action: 'Créer votre compte',
    validity:
      'Cette invitation est valable 14 jours. Créez votre compte avec cette adresse : le rôle vous est attribué aussitôt.',
    ignore: 'Si vous n’attendiez pas cette invitation, ignorez ce message.',
  },
  roleGranted: {
    subject: {
      moderator: 'Vous assurez désormais la modération de cet espace',
      chair: 'Vous présidez désormais cet espace',
    },
    intro: {
      moderator: (inviter, space) => `${inviter} vous a confié la modération de « ${space} » sur Convene.`,
      chair: (inviter, space) => `${inviter} vous a confié la présidence de « ${space} » sur Convene.`,
    },
    action: 'Ouvrir l’espace',
  },
};

const es: Messages = {
  footer: 'Convene — consultas en línea',
  greeting: (name) => `Hola, ${name}:`,
  notificationFooter: 'Recibe este correo por su configuración de notificaciones.',
  unsubscribe: 'Dejar de recibir estos correos',
  notification: {
    view: 'Ver el comentario',
    linkHint: 'El comentario: ',
    yourText: 'Su texto:',
    reason: 'El motivo indicado por la moderación:',
    revise: 'Modificar su comentario',
    reviseHint: 'Puede editarlo desde la misma página; un comentario editado vuelve a la moderación.',
    inReplyTo: 'En respuesta a su comentario:',
    comment_approved: {
      subject: 'Su comentario fue publicado',
      intro: 'La moderación aprobó su comentario: ya todos pueden leerlo.',
    },
    comment_rejected: {
      subject: 'Su comentario no fue publicado',
      intro: 'La moderación decidió no publicar su comentario.',
    },
    edit_approved: {
      subject: 'Su modificación fue publicada',
      intro: 'La moderación aprobó su modificación: el nuevo texto está publicado.',
    },
    edit_rejected: {
      subject: 'Su modificación no fue publicada',
      intro: 'La moderación decidió no publicar su modificación; el texto publicado antes sigue igual.',
    },
    comment_reply: {
      subject: (name) => `${name} respondió a su comentario`,
      intro: (name) => `${name} respondió a su comentario:`,
    },
  },
  follows: {
    new_contribution: {
      subject: (name) => `Nueva contribución de ${name}`,
      intro: (name) => `${name} contribuyó a un debate que usted sigue:`,
    },
    inQuestion: (n, text) => `Pregunta ${n}: ${text}`,
    general: 'Comentarios generales',
    by: (name, affiliation) => (affiliation ? `${name}, ${affiliation}` : name),
    readMore: 'Leer completo',
    view: 'Ver la contribución',
    why: 'Recibe este correo porque sigue este espacio o esta pregunta. Puede dejar de seguirlo desde su página.',
  },
  digest: {
    subject: { daily: 'Su resumen diario', weekly: 'Su resumen semanal' },
    intro: {
      daily: (count) => (count === 1 ? 'Un elemento nuevo desde ayer:' : `${count} elementos nuevos desde ayer:`),
      weekly: (count) => (count === 1 ? 'Un elemento nuevo esta semana:' : `${count} elementos nuevos esta semana:`),
    },
    kinds: {
      new_contribution: 'Nueva contribución',
      comment_reply: 'Respuesta a su comentario',
      comment_approved: 'Su comentario fue publicado',
      comment_rejected: 'Su comentario no fue publicado',
      edit_approved: 'Su modificación fue publicada',
      edit_rejected: 'Su modificación no fue publicada',
    },
  },
  spaceNotice: {
    open: 'Abrir el espacio',
    linkHint: 'Si el botón no funciona, copie esta dirección en su navegador:',
    space_closing: {
      subject: (date) => `Cierra a los comentarios el ${date}`,
      intro: (date) =>
        `Un espacio que sigue cierra a los comentarios el ${date}, dentro de unos tres días. Si piensa contribuir, todavía está a tiempo.`,
    },
    space_closed: {
      subject: 'Cerrado a los comentarios',
      intro:
        'Un espacio que sigue está ahora cerrado a los comentarios. Sus contribuciones publicadas siguen disponibles para leer.',
    },
    staff_pending: {
      subject: (count) =>
        count === 1 ? 'Un elemento pendiente de moderación' : `${count} elementos pendientes de moderación`,
      intro: (count) =>
        count === 1
          ? 'Hay un elemento esperando en la cola de moderación.'
          : `Hay ${count} elementos esperando en la cola de moderación.`,
      oldest: (waited) => `El más antiguo lleva esperando ${waited}.`,
      action: 'Abrir la cola de moderación',
      pace: 'Se le avisa enseguida tras una hora sin novedades y, después, como mucho una vez por hora.',
    },
    chair_summary: {
      subject: 'Cerrado: el resumen',
      intro: 'Un espacio que usted preside está cerrado a los comentarios. Sus cifras al cierre:',
      contributions: 'Contribuciones publicadas',
      participants: 'Participantes',
      memberStates: 'Estados miembros',
      dashboard: 'Panel',
      report: 'Informe Word',
      spreadsheet: 'Hoja de cálculo (Excel)',
      notes: 'Notas',
    },
  },
  unsubscribePage: {
    title: 'Darse de baja',
    kinds: {
      decisions: 'correos sobre las decisiones de la moderación acerca de sus comentarios',
      replies: 'correos sobre las respuestas a sus comentarios',
      followed: 'correos sobre las nuevas contribuciones en lo que sigue',
      reminders: 'recordatorios sobre el cierre de los espacios que sigue',
      staff: 'correos sobre los elementos pendientes de moderación y los resúmenes de los espacios cerrados',
    },
    explain: (what, email) => `¿Dejar de enviar ${what} a ${email}?`,
    button: 'Darse de baja',
    done: (what) => `Listo: ya no recibirá ${what}.`,
    again: 'Puede volver a activarlos en la página de su cuenta, en las preferencias de notificación.',
    invalid:
      'Este enlace para darse de baja no es válido. Puede cambiar sus preferencias de notificación en la página de su cuenta.',
  },
  passwordReset: {
    subject: 'Restablezca su contraseña de Convene',
    intro: 'Alguien (esperamos que usted) pidió restablecer la contraseña de su cuenta de Convene.',
    action: 'Elegir una nueva contraseña',
    validity: 'Este enlace funciona una sola vez, durante una hora.',
    ignore: 'Si no lo pidió, ignore este correo: su contraseña no cambia.',
    linkHint: 'Si el botón no funciona, copie esta dirección en su navegador:',
  },
  verification: {
    subject: 'Confirme su dirección de correo para Convene',
    intro: 'Le damos la bienvenida a Convene. Confirme que esta dirección es la suya.',
    action: 'Confirmar mi dirección',
    validity: 'Este enlace funciona una sola vez, durante 7 días.',
    why: 'Mientras no la confirme, sus comentarios quedan en espera y no se envían a la moderación.',
    ignore: 'Si no creó una cuenta, ignore este correo.',
  },
  emailChange: {
    subject: 'Confirme su nueva dirección de correo para Convene',
    intro: (old) => `Pidió usar esta dirección para su cuenta de Convene en lugar de ${old}.`,
    action: 'Confirmar la nueva dirección',
    validity:
      'Este enlace funciona una sola vez, durante 24 horas. Hasta entonces su cuenta conserva su dirección actual.',
    ignore: 'Si no lo pidió, ignore este correo: nada cambia.',
  },
  emailChanged: {
    subject: 'Se cambió la dirección de correo de su cuenta de Convene',
    intro: (address) => `La dirección de correo de su cuenta de Convene ahora es ${address}.`,
    notYou:
      'Si no hizo este cambio, restablezca su contraseña desde la página de inicio de sesión y contacte a la secretaría.',
  },
  invitation: {
    subject: { moderator: 'Invitación a moderar', chair: 'Invitación a presidir' },
    intro: {
      moderator: (inviter, space) =>
        `${inviter} le invita a moderar «${space}» en Convene: decidirá qué contribuciones se publican.`,
      chair: (inviter, space) =>
        `${inviter} le invita a presidir «${space}» en Convene: redactará sus antecedentes y la nota basada en las contribuciones.`,
    },
    action: 'Crear su cuenta',
    validity:
      'Esta invitación es válida durante 14 días. Cree su cuenta con esta dirección y tendrá el rol de inmediato.',
    ignore: 'Si no esperaba esta invitación, ignore este correo.',
  },
  roleGranted: {
    subject: { moderator: 'Ahora modera este espacio', chair: 'Ahora preside este espacio' },
    intro: {
      moderator: (inviter, space) => `${inviter} le designó para moderar «${space}» en Convene.`,
      chair: (inviter, space) => `${inviter} le designó para presidir «${space}» en Convene.`,
    },
    action: 'Abrir el espacio',
  },
};

// Arabic, Chinese and Russian fall back to English until their messages land (issue 17).
export const MESSAGES = { en, fr, es, ar: en, zh: en, ru: en } satisfies Record<Locale, Messages>;
export const messagesFor = (locale: Locale): Messages => MESSAGES[locale];
