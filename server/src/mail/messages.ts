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
  affiliation: {
    verifiedSubject: 'Your affiliation is verified',
    verifiedIntro: (org: string) =>
      `Your affiliation with ${org} is verified: your name and organisation now carry the “Verified” mark on Convene.`,
    verifiedLapse: 'Changing your name, organisation, category or country removes the mark until it is verified again.',
    declinedSubject: 'Your affiliation could not be verified',
    declinedIntro: (org: string) => `Your request to verify your affiliation with ${org} was declined.`,
    reason: (reason: string) => `Reason: ${reason}`,
    action: 'Open your account',
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
  affiliation: {
    verifiedSubject: 'Votre affiliation est vérifiée',
    verifiedIntro: (org) =>
      `Votre affiliation à ${org} est vérifiée : votre nom et votre organisation portent désormais la mention « Vérifié » sur Convene.`,
    verifiedLapse:
      'Modifier votre nom, votre organisation, votre catégorie ou votre pays retire la mention jusqu’à une nouvelle vérification.',
    declinedSubject: 'Votre affiliation n’a pas pu être vérifiée',
    declinedIntro: (org) => `Votre demande de vérification de votre affiliation à ${org} a été refusée.`,
    reason: (reason) => `Motif : ${reason}`,
    action: 'Ouvrir votre compte',
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
  affiliation: {
    verifiedSubject: 'Su afiliación está verificada',
    verifiedIntro: (org) =>
      `Su afiliación a ${org} está verificada: su nombre y su organización llevan ahora la marca «Verificado» en Convene.`,
    verifiedLapse:
      'Si cambia su nombre, organización, categoría o país, la marca se retira hasta una nueva verificación.',
    declinedSubject: 'No se pudo verificar su afiliación',
    declinedIntro: (org) => `Su solicitud de verificación de su afiliación a ${org} fue rechazada.`,
    reason: (reason) => `Motivo: ${reason}`,
    action: 'Abrir su cuenta',
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

/** Forms of a counted phrase by CLDR plural category (`=1`: exactly one, said in words); `other` required. */
type CountForms = Partial<Record<Intl.LDMLPluralRule | '=1', (n: string) => string>> & {
  other: (n: string) => string;
};

/**
 * A counted phrase in `locale`: the form Intl.PluralRules selects (Arabic has six, Russian
 * three, Chinese one), with the number written by Intl.NumberFormat.
 */
const counted =
  (locale: string, forms: CountForms) =>
  (count: number): string => {
    const exact = count === 1 ? forms['=1'] : undefined;
    const form = exact ?? forms[new Intl.PluralRules(locale).select(count)] ?? forms.other;
    return form(new Intl.NumberFormat(locale).format(count));
  };

const ar: Messages = {
  footer: 'Convene — مشاورات عبر الإنترنت',
  greeting: (name) => `تحية طيبة ${name}،`,
  notificationFooter: 'أُرسلت إليك هذه الرسالة وفقًا لإعدادات الإشعارات في حسابك.',
  unsubscribe: 'إلغاء الاشتراك في هذه الرسائل',
  notification: {
    view: 'عرض التعليق',
    linkHint: 'التعليق: ',
    yourText: 'النص الذي كتبته:',
    reason: 'السبب الذي أبداه المشرف:',
    revise: 'تعديل تعليقك',
    reviseHint: 'يمكن تعديل التعليق من الصفحة نفسها؛ ويُحال التعليق المعدَّل مجددًا إلى المشرفين.',
    inReplyTo: 'ردًا على تعليقك:',
    comment_approved: {
      subject: 'نُشر تعليقك',
      intro: 'وافق أحد المشرفين على تعليقك، وأصبح بإمكان الجميع الاطلاع عليه الآن.',
    },
    comment_rejected: {
      subject: 'لم يُنشر تعليقك',
      intro: 'قرر أحد المشرفين عدم نشر تعليقك.',
    },
    edit_approved: {
      subject: 'نُشر تعديلك',
      intro: 'وافق أحد المشرفين على تعديلك، ونُشر النص الجديد.',
    },
    edit_rejected: {
      subject: 'لم يُنشر تعديلك',
      intro: 'قرر أحد المشرفين عدم نشر تعديلك؛ ويبقى النص المنشور سابقًا على حاله.',
    },
    comment_reply: {
      subject: (name) => `ردّ ${name} على تعليقك`,
      intro: (name) => `ردّ ${name} على تعليقك:`,
    },
  },
  follows: {
    new_contribution: {
      subject: (name) => `مساهمة جديدة من ${name}`,
      intro: (name) => `قدّم ${name} مساهمة في نقاش مدرج ضمن متابعاتك:`,
    },
    inQuestion: (n, text) => `السؤال ${n}: ${text}`,
    general: 'تعليقات عامة',
    by: (name, affiliation) => (affiliation ? `${name}، ${affiliation}` : name),
    readMore: 'قراءة النص كاملًا',
    view: 'عرض المساهمة',
    why: 'أُرسلت إليك هذه الرسالة لأن هذه المساحة أو هذا السؤال مدرج ضمن متابعاتك. ويمكن إيقاف المتابعة من صفحته.',
  },
  digest: {
    subject: { daily: 'ملخصك اليومي', weekly: 'ملخصك الأسبوعي' },
    intro: {
      daily: counted('ar', {
        zero: () => 'لا توجد إشعارات جديدة منذ أمس.',
        one: () => 'إشعار جديد واحد منذ أمس:',
        two: () => 'إشعاران جديدان منذ أمس:',
        few: (n) => `${n} إشعارات جديدة منذ أمس:`,
        many: (n) => `${n} إشعارًا جديدًا منذ أمس:`,
        other: (n) => `${n} إشعار جديد منذ أمس:`,
      }),
      weekly: counted('ar', {
        zero: () => 'لا توجد إشعارات جديدة هذا الأسبوع.',
        one: () => 'إشعار جديد واحد هذا الأسبوع:',
        two: () => 'إشعاران جديدان هذا الأسبوع:',
        few: (n) => `${n} إشعارات جديدة هذا الأسبوع:`,
        many: (n) => `${n} إشعارًا جديدًا هذا الأسبوع:`,
        other: (n) => `${n} إشعار جديد هذا الأسبوع:`,
      }),
    },
    kinds: {
      new_contribution: 'مساهمة جديدة',
      comment_reply: 'رد على تعليقك',
      comment_approved: 'نُشر تعليقك',
      comment_rejected: 'لم يُنشر تعليقك',
      edit_approved: 'نُشر تعديلك',
      edit_rejected: 'لم يُنشر تعديلك',
    },
  },
  spaceNotice: {
    open: 'فتح المساحة',
    linkHint: 'إذا لم يعمل الزر، يُرجى نسخ هذا العنوان في المتصفح:',
    space_closing: {
      subject: (date) => `يُغلق باب التعليقات في ${date}`,
      intro: (date) =>
        `يُغلق باب التعليقات في مساحة مدرجة ضمن متابعاتك في ${date}، أي بعد نحو ثلاثة أيام. ولا يزال هناك متسع من الوقت لمن يعتزم المساهمة.`,
    },
    space_closed: {
      subject: 'أُغلق باب التعليقات',
      intro: 'أُغلق باب التعليقات في مساحة مدرجة ضمن متابعاتك. وتظل المساهمات المنشورة فيها متاحة للاطلاع.',
    },
    staff_pending: {
      subject: counted('ar', {
        zero: () => 'لا توجد عناصر بانتظار الإشراف',
        one: () => 'عنصر واحد بانتظار الإشراف',
        two: () => 'عنصران بانتظار الإشراف',
        few: (n) => `${n} عناصر بانتظار الإشراف`,
        many: (n) => `${n} عنصرًا بانتظار الإشراف`,
        other: (n) => `${n} عنصر بانتظار الإشراف`,
      }),
      intro: counted('ar', {
        zero: () => 'لا توجد عناصر في قائمة انتظار الإشراف.',
        one: () => 'يوجد عنصر واحد في قائمة انتظار الإشراف.',
        two: () => 'يوجد عنصران في قائمة انتظار الإشراف.',
        few: (n) => `توجد ${n} عناصر في قائمة انتظار الإشراف.`,
        many: (n) => `يوجد ${n} عنصرًا في قائمة انتظار الإشراف.`,
        other: (n) => `يوجد ${n} عنصر في قائمة انتظار الإشراف.`,
      }),
      oldest: (waited) => `مدة انتظار أقدمها: ${waited}.`,
      action: 'فتح قائمة انتظار الإشراف',
      pace: 'يصلك الإشعار فور ورود عناصر جديدة بعد ساعة دون نشاط، ثم مرة واحدة في الساعة على الأكثر.',
    },
    chair_summary: {
      subject: 'أُغلق باب التعليقات: الملخص',
      intro: 'أُغلق باب التعليقات في مساحة تتولى رئاستها. وفيما يلي أرقامها عند الإغلاق:',
      contributions: 'المساهمات المنشورة',
      participants: 'المشاركون',
      memberStates: 'الدول الأعضاء',
      dashboard: 'لوحة المعلومات',
      report: 'تقرير بصيغة Word',
      spreadsheet: 'جدول بيانات (Excel)',
      notes: 'المذكرات',
    },
  },
  unsubscribePage: {
    title: 'إلغاء الاشتراك',
    kinds: {
      decisions: 'الرسائل المتعلقة بقرارات المشرفين بشأن تعليقاتك',
      replies: 'الرسائل المتعلقة بالردود على تعليقاتك',
      followed: 'الرسائل المتعلقة بالمساهمات الجديدة فيما هو مدرج ضمن متابعاتك',
      reminders: 'التذكيرات بقرب إغلاق المساحات المدرجة ضمن متابعاتك',
      staff: 'الرسائل المتعلقة بالعناصر التي بانتظار الإشراف وملخصات المساحات المغلقة',
    },
    explain: (what, email) => `هل تريد إيقاف إرسال ${what} إلى ${email}؟`,
    button: 'إلغاء الاشتراك',
    done: (what) => `تم ذلك: لن تصلك ${what} بعد الآن.`,
    again: 'يمكن إعادة تفعيلها من صفحة حسابك، ضمن تفضيلات الإشعارات.',
    invalid: 'رابط إلغاء الاشتراك هذا غير صالح. ويمكن تغيير تفضيلات الإشعارات من صفحة حسابك.',
  },
  passwordReset: {
    subject: 'إعادة تعيين كلمة المرور لحسابك في Convene',
    intro: 'ورد طلب (نرجو أن يكون منك) لإعادة تعيين كلمة المرور لحسابك في Convene.',
    action: 'اختيار كلمة مرور جديدة',
    validity: 'يصلح هذا الرابط للاستخدام مرة واحدة، ولمدة ساعة واحدة.',
    ignore: 'إذا لم يكن الطلب منك، يُرجى تجاهل هذه الرسالة: ستبقى كلمة المرور على حالها.',
    linkHint: 'إذا لم يعمل الزر، يُرجى نسخ هذا العنوان في المتصفح:',
  },
  verification: {
    subject: 'تأكيد عنوان بريدك الإلكتروني في Convene',
    intro: 'مرحبًا بك في Convene. يُرجى تأكيد أن هذا هو عنوان بريدك الإلكتروني.',
    action: 'تأكيد عنواني',
    validity: 'يصلح هذا الرابط للاستخدام مرة واحدة، ولمدة 7 أيام.',
    why: 'إلى أن يتم تأكيد العنوان، تبقى تعليقاتك قيد الانتظار ولا تُحال إلى المشرفين.',
    ignore: 'إذا لم يكن إنشاء الحساب منك، يُرجى تجاهل هذه الرسالة.',
  },
  emailChange: {
    subject: 'تأكيد عنوان بريدك الإلكتروني الجديد في Convene',
    intro: (old) => `ورد طلب باستخدام هذا العنوان لحسابك في Convene بدلًا من ${old}.`,
    action: 'تأكيد العنوان الجديد',
    validity: 'يصلح هذا الرابط للاستخدام مرة واحدة، ولمدة 24 ساعة. وحتى ذلك الحين، يحتفظ حسابك بعنوانه الحالي.',
    ignore: 'إذا لم يكن الطلب منك، يُرجى تجاهل هذه الرسالة: لن يتغير شيء.',
  },
  emailChanged: {
    subject: 'تم تغيير عنوان البريد الإلكتروني لحسابك في Convene',
    intro: (address) => `أصبح عنوان البريد الإلكتروني لحسابك في Convene هو ${address}.`,
    notYou: 'إذا لم يكن هذا التغيير منك، يُرجى إعادة تعيين كلمة المرور من صفحة تسجيل الدخول والاتصال بالأمانة.',
  },
  invitation: {
    subject: { moderator: 'دعوة إلى الإشراف', chair: 'دعوة إلى الرئاسة' },
    intro: {
      moderator: (inviter, space) =>
        `يدعوك ${inviter} إلى الإشراف على «${space}» في Convene: وستتولى تحديد المساهمات التي تُنشر.`,
      chair: (inviter, space) =>
        `يدعوك ${inviter} إلى رئاسة «${space}» في Convene: وستتولى صياغة المعلومات الأساسية والمذكرة المستخلصة من المساهمات.`,
    },
    action: 'إنشاء حسابك',
    validity: 'هذه الدعوة صالحة لمدة 14 يومًا. وعند إنشاء حسابك بهذا العنوان، يُسند إليك الدور فورًا.',
    ignore: 'إذا لم تكن هذه الدعوة متوقعة، يُرجى تجاهل هذه الرسالة.',
  },
  affiliation: {
    verifiedSubject: 'تم التحقق من انتمائك',
    verifiedIntro: (org) => `تم التحقق من انتمائك إلى ${org}: يحمل اسمك ومنظمتك الآن علامة «موثَّق» على Convene.`,
    verifiedLapse: 'يؤدي تغيير اسمك أو منظمتك أو فئتك أو بلدك إلى إزالة العلامة إلى أن يتم التحقق مرة أخرى.',
    declinedSubject: 'تعذّر التحقق من انتمائك',
    declinedIntro: (org) => `رُفض طلبك للتحقق من انتمائك إلى ${org}.`,
    reason: (reason) => `السبب: ${reason}`,
    action: 'افتح حسابك',
  },
  roleGranted: {
    subject: { moderator: 'أُسند إليك الإشراف على هذه المساحة', chair: 'أُسندت إليك رئاسة هذه المساحة' },
    intro: {
      moderator: (inviter, space) => `أسند إليك ${inviter} مهمة الإشراف على «${space}» في Convene.`,
      chair: (inviter, space) => `أسند إليك ${inviter} رئاسة «${space}» في Convene.`,
    },
    action: 'فتح المساحة',
  },
};

const zh: Messages = {
  footer: 'Convene — 在线磋商',
  greeting: (name) => `${name}，您好：`,
  notificationFooter: '根据您的通知设置，您会收到此邮件。',
  unsubscribe: '退订此类邮件',
  notification: {
    view: '查看评论',
    linkHint: '评论：',
    yourText: '您的文本：',
    reason: '审核员给出的理由：',
    revise: '修改您的评论',
    reviseHint: '您可以在同一页面上编辑评论；编辑后的评论将重新提交审核。',
    inReplyTo: '回复您的评论：',
    comment_approved: {
      subject: '您的评论已发布',
      intro: '审核员已批准您的评论：现在所有人均可阅读。',
    },
    comment_rejected: {
      subject: '您的评论未予发布',
      intro: '审核员决定不发布您的评论。',
    },
    edit_approved: {
      subject: '您的修改已发布',
      intro: '审核员已批准您的修改：新文本已发布。',
    },
    edit_rejected: {
      subject: '您的修改未予发布',
      intro: '审核员决定不发布您的修改；此前发布的文本保持不变。',
    },
    comment_reply: {
      subject: (name) => `${name}回复了您的评论`,
      intro: (name) => `${name}回复了您的评论：`,
    },
  },
  follows: {
    new_contribution: {
      subject: (name) => `${name}发表了新意见`,
      intro: (name) => `${name}在您关注的讨论中发表了意见：`,
    },
    inQuestion: (n, text) => `问题${n}：${text}`,
    general: '一般性评论',
    by: (name, affiliation) => (affiliation ? `${name}，${affiliation}` : name),
    readMore: '阅读全文',
    view: '查看意见',
    why: '您收到此邮件，是因为您关注了此空间或问题。您可以在其页面上取消关注。',
  },
  digest: {
    subject: { daily: '您的每日摘要', weekly: '您的每周摘要' },
    intro: {
      daily: counted('zh', { other: (n) => `自昨日以来有${n}条新通知：` }),
      weekly: counted('zh', { other: (n) => `本周有${n}条新通知：` }),
    },
    kinds: {
      new_contribution: '新意见',
      comment_reply: '对您评论的回复',
      comment_approved: '您的评论已发布',
      comment_rejected: '您的评论未予发布',
      edit_approved: '您的修改已发布',
      edit_rejected: '您的修改未予发布',
    },
  },
  spaceNotice: {
    open: '打开空间',
    linkHint: '如果按钮无效，请将此地址复制到浏览器中：',
    space_closing: {
      subject: (date) => `将于${date}截止评论`,
      intro: (date) => `您关注的一个空间将于${date}截止评论，距今约三天。如您打算发表意见，现在仍来得及。`,
    },
    space_closed: {
      subject: '已截止评论',
      intro: '您关注的一个空间现已截止评论。其中已发布的意见仍可阅读。',
    },
    staff_pending: {
      subject: counted('zh', { other: (n) => `${n}项内容待审核` }),
      intro: counted('zh', { other: (n) => `审核队列中有${n}项内容待审核。` }),
      oldest: (waited) => `最早的一项已等待${waited}。`,
      action: '打开审核队列',
      pace: '在一小时内无新内容之后，一旦出现新内容即会通知您；此后最多每小时通知一次。',
    },
    chair_summary: {
      subject: '已截止：总结',
      intro: '您主持的一个空间已截止评论。截止时的数据如下：',
      contributions: '已发布意见',
      participants: '参与者',
      memberStates: '会员国',
      dashboard: '仪表板',
      report: 'Word 报告',
      spreadsheet: '电子表格（Excel）',
      notes: '说明',
    },
  },
  unsubscribePage: {
    title: '退订',
    kinds: {
      decisions: '关于审核员对您评论所作决定的邮件',
      replies: '关于您的评论收到回复的邮件',
      followed: '关于您所关注内容中新意见的邮件',
      reminders: '关于您所关注空间即将截止的提醒',
      staff: '关于待审核内容和已截止空间总结的邮件',
    },
    explain: (what, email) => `是否停止向${email}发送${what}？`,
    button: '退订',
    done: (what) => `已完成：您将不再收到${what}。`,
    again: '您可以在账户页面的通知偏好中重新开启。',
    invalid: '此退订链接无效。您可以在账户页面更改通知偏好。',
  },
  passwordReset: {
    subject: '重置您的 Convene 密码',
    intro: '有人（希望是您本人）申请重置您 Convene 账户的密码。',
    action: '设置新密码',
    validity: '此链接仅可使用一次，有效期为一小时。',
    ignore: '如果您未提出此申请，请忽略此邮件：您的密码保持不变。',
    linkHint: '如果按钮无效，请将此地址复制到浏览器中：',
  },
  verification: {
    subject: '确认您用于 Convene 的电子邮件地址',
    intro: '欢迎使用 Convene。请确认这是您的电子邮件地址。',
    action: '确认我的地址',
    validity: '此链接仅可使用一次，有效期为7天。',
    why: '在您确认之前，您的评论将处于等待状态，不会提交给审核员。',
    ignore: '如果您未创建账户，请忽略此邮件。',
  },
  emailChange: {
    subject: '确认您用于 Convene 的新电子邮件地址',
    intro: (old) => `您申请将此地址用于您的 Convene 账户，以取代${old}。`,
    action: '确认新地址',
    validity: '此链接仅可使用一次，有效期为24小时。在此之前，您的账户将保留当前地址。',
    ignore: '如果您未提出此申请，请忽略此邮件：不会有任何变更。',
  },
  emailChanged: {
    subject: '您的 Convene 电子邮件地址已更改',
    intro: (address) => `您的 Convene 账户的电子邮件地址现为${address}。`,
    notYou: '如果此更改并非您本人所为，请通过登录页面重置密码，并与秘书处联系。',
  },
  invitation: {
    subject: { moderator: '审核邀请', chair: '主持邀请' },
    intro: {
      moderator: (inviter, space) => `${inviter}邀请您在 Convene 上审核“${space}”：您将决定哪些意见予以发布。`,
      chair: (inviter, space) =>
        `${inviter}邀请您在 Convene 上主持“${space}”：您将撰写其背景材料以及根据意见形成的说明。`,
    },
    action: '创建您的账户',
    validity: '此邀请有效期为14天。使用此地址创建账户后，您将立即获得该角色。',
    ignore: '如果您并未期待此邀请，请忽略此邮件。',
  },
  affiliation: {
    verifiedSubject: '您的所属机构已验证',
    verifiedIntro: (org) => `您与${org}的所属关系已验证：您的姓名和机构现在在 Convene 上带有“已验证”标记。`,
    verifiedLapse: '更改姓名、机构、类别或国家后，该标记将被移除，直至再次验证。',
    declinedSubject: '您的所属机构未能通过验证',
    declinedIntro: (org) => `您验证与${org}所属关系的申请已被拒绝。`,
    reason: (reason) => `原因：${reason}`,
    action: '打开您的账户',
  },
  roleGranted: {
    subject: { moderator: '您现在是此空间的审核员', chair: '您现在主持此空间' },
    intro: {
      moderator: (inviter, space) => `${inviter}已指定您为 Convene 上“${space}”的审核员。`,
      chair: (inviter, space) => `${inviter}已指定您主持 Convene 上的“${space}”。`,
    },
    action: '打开空间',
  },
};

const ru: Messages = {
  footer: 'Convene — онлайн-консультации',
  greeting: (name) => `Здравствуйте, ${name}!`,
  notificationFooter: 'Вы получили это письмо в соответствии с Вашими настройками уведомлений.',
  unsubscribe: 'Отписаться от этих писем',
  notification: {
    view: 'Открыть комментарий',
    linkHint: 'Комментарий: ',
    yourText: 'Ваш текст:',
    reason: 'Причина, указанная модератором:',
    revise: 'Изменить комментарий',
    reviseHint:
      'Вы можете отредактировать его на той же странице; отредактированный комментарий снова направляется модераторам.',
    inReplyTo: 'В ответ на Ваш комментарий:',
    comment_approved: {
      subject: 'Ваш комментарий опубликован',
      intro: 'Модератор одобрил Ваш комментарий: теперь его могут прочитать все.',
    },
    comment_rejected: {
      subject: 'Ваш комментарий не опубликован',
      intro: 'Модератор решил не публиковать Ваш комментарий.',
    },
    edit_approved: {
      subject: 'Ваша правка опубликована',
      intro: 'Модератор одобрил Вашу правку: новый текст опубликован.',
    },
    edit_rejected: {
      subject: 'Ваша правка не опубликована',
      intro: 'Модератор решил не публиковать Вашу правку; ранее опубликованный текст остаётся без изменений.',
    },
    comment_reply: {
      subject: (name) => `${name} ответил(а) на Ваш комментарий`,
      intro: (name) => `${name} ответил(а) на Ваш комментарий:`,
    },
  },
  follows: {
    new_contribution: {
      subject: (name) => `Новый материал от участника ${name}`,
      intro: (name) => `Участник ${name} внёс материал в обсуждение, за которым Вы следите:`,
    },
    inQuestion: (n, text) => `Вопрос ${n}: ${text}`,
    general: 'Общие комментарии',
    by: (name, affiliation) => (affiliation ? `${name}, ${affiliation}` : name),
    readMore: 'Читать полностью',
    view: 'Открыть материал',
    why: 'Вы получили это письмо, потому что следите за этим пространством или вопросом. Отказаться от отслеживания можно на его странице.',
  },
  digest: {
    subject: { daily: 'Ваша ежедневная сводка', weekly: 'Ваша еженедельная сводка' },
    intro: {
      daily: counted('ru', {
        '=1': () => 'Одно новое уведомление со вчерашнего дня:',
        one: (n) => `${n} новое уведомление со вчерашнего дня:`,
        few: (n) => `${n} новых уведомления со вчерашнего дня:`,
        many: (n) => `${n} новых уведомлений со вчерашнего дня:`,
        other: (n) => `${n} нового уведомления со вчерашнего дня:`,
      }),
      weekly: counted('ru', {
        '=1': () => 'Одно новое уведомление за эту неделю:',
        one: (n) => `${n} новое уведомление за эту неделю:`,
        few: (n) => `${n} новых уведомления за эту неделю:`,
        many: (n) => `${n} новых уведомлений за эту неделю:`,
        other: (n) => `${n} нового уведомления за эту неделю:`,
      }),
    },
    kinds: {
      new_contribution: 'Новый материал',
      comment_reply: 'Ответ на Ваш комментарий',
      comment_approved: 'Ваш комментарий опубликован',
      comment_rejected: 'Ваш комментарий не опубликован',
      edit_approved: 'Ваша правка опубликована',
      edit_rejected: 'Ваша правка не опубликована',
    },
  },
  spaceNotice: {
    open: 'Открыть пространство',
    linkHint: 'Если кнопка не работает, скопируйте этот адрес в браузер:',
    space_closing: {
      subject: (date) => `Приём комментариев завершается ${date}`,
      intro: (date) =>
        `Приём комментариев в пространстве, за которым Вы следите, завершается ${date}, примерно через три дня. Если Вы намерены внести свой вклад, время ещё есть.`,
    },
    space_closed: {
      subject: 'Приём комментариев завершён',
      intro:
        'Приём комментариев в пространстве, за которым Вы следите, завершён. Опубликованные материалы остаются доступными для чтения.',
    },
    staff_pending: {
      subject: counted('ru', {
        '=1': () => 'Один элемент ожидает модерации',
        one: (n) => `${n} элемент ожидает модерации`,
        few: (n) => `${n} элемента ожидают модерации`,
        many: (n) => `${n} элементов ожидают модерации`,
        other: (n) => `${n} элемента ожидают модерации`,
      }),
      intro: counted('ru', {
        '=1': () => 'В очереди модерации ожидает один элемент.',
        one: (n) => `В очереди модерации ожидает ${n} элемент.`,
        few: (n) => `В очереди модерации ожидают ${n} элемента.`,
        many: (n) => `В очереди модерации ожидают ${n} элементов.`,
        other: (n) => `В очереди модерации ожидают ${n} элемента.`,
      }),
      oldest: (waited) => `Самый ранний из них ожидает уже ${waited}.`,
      action: 'Открыть очередь модерации',
      pace: 'Уведомление приходит сразу, если до этого в течение часа не было новых элементов, а затем не чаще одного раза в час.',
    },
    chair_summary: {
      subject: 'Приём завершён: итоги',
      intro:
        'Приём комментариев в пространстве, где Вы являетесь председателем, завершён. Показатели на момент закрытия:',
      contributions: 'Опубликованные материалы',
      participants: 'Участники',
      memberStates: 'Государства-члены',
      dashboard: 'Панель показателей',
      report: 'Доклад (Word)',
      spreadsheet: 'Электронная таблица (Excel)',
      notes: 'Записки',
    },
  },
  unsubscribePage: {
    title: 'Отказ от рассылки',
    kinds: {
      decisions: 'письма о решениях модераторов по Вашим комментариям',
      replies: 'письма об ответах на Ваши комментарии',
      followed: 'письма о новых материалах в том, за чем Вы следите',
      reminders: 'напоминания о закрытии пространств, за которыми Вы следите',
      staff: 'письма об элементах, ожидающих модерации, и итоги закрытых пространств',
    },
    explain: (what, email) => `Больше не отправлять ${what} на адрес ${email}?`,
    button: 'Отписаться',
    done: (what) => `Готово: Вы больше не будете получать ${what}.`,
    again: 'Вы можете снова включить их на странице своей учётной записи в настройках уведомлений.',
    invalid:
      'Эта ссылка для отказа от рассылки недействительна. Изменить настройки уведомлений можно на странице своей учётной записи.',
  },
  passwordReset: {
    subject: 'Сброс пароля Convene',
    intro: 'Поступил запрос (надеемся, от Вас) на сброс пароля Вашей учётной записи Convene.',
    action: 'Задать новый пароль',
    validity: 'Эта ссылка действует однократно в течение одного часа.',
    ignore: 'Если Вы не отправляли такой запрос, не обращайте внимания на это письмо: Ваш пароль останется прежним.',
    linkHint: 'Если кнопка не работает, скопируйте этот адрес в браузер:',
  },
  verification: {
    subject: 'Подтвердите адрес электронной почты для Convene',
    intro: 'Добро пожаловать в Convene. Пожалуйста, подтвердите, что это Ваш адрес электронной почты.',
    action: 'Подтвердить адрес',
    validity: 'Эта ссылка действует однократно в течение 7 дней.',
    why: 'Пока адрес не подтверждён, Ваши комментарии остаются в ожидании и не передаются модераторам.',
    ignore: 'Если Вы не создавали учётную запись, не обращайте внимания на это письмо.',
  },
  emailChange: {
    subject: 'Подтвердите новый адрес электронной почты для Convene',
    intro: (old) => `Вы запросили использование этого адреса для учётной записи Convene вместо ${old}.`,
    action: 'Подтвердить новый адрес',
    validity:
      'Эта ссылка действует однократно в течение 24 часов. До подтверждения за учётной записью сохраняется текущий адрес.',
    ignore: 'Если Вы не отправляли такой запрос, не обращайте внимания на это письмо: ничего не изменится.',
  },
  emailChanged: {
    subject: 'Адрес электронной почты Вашей учётной записи Convene изменён',
    intro: (address) => `Новый адрес электронной почты Вашей учётной записи Convene: ${address}.`,
    notYou: 'Если Вы не вносили это изменение, сбросьте пароль на странице входа и свяжитесь с секретариатом.',
  },
  invitation: {
    subject: { moderator: 'Приглашение к модерации', chair: 'Приглашение к председательству' },
    intro: {
      moderator: (inviter, space) =>
        `${inviter} приглашает Вас стать модератором пространства «${space}» в Convene: Вы будете решать, какие материалы публикуются.`,
      chair: (inviter, space) =>
        `${inviter} приглашает Вас стать председателем пространства «${space}» в Convene: Вы будете готовить его справочные материалы и записку по итогам поступивших материалов.`,
    },
    action: 'Создать учётную запись',
    validity:
      'Приглашение действительно в течение 14 дней. Создайте учётную запись с этим адресом, и роль будет назначена Вам сразу.',
    ignore: 'Если Вы не ожидали этого приглашения, не обращайте внимания на это письмо.',
  },
  affiliation: {
    verifiedSubject: 'Ваша принадлежность к организации подтверждена',
    verifiedIntro: (org) =>
      `Ваша принадлежность к организации ${org} подтверждена: ваше имя и организация теперь отмечены знаком «Подтверждено» в Convene.`,
    verifiedLapse: 'Изменение имени, организации, категории или страны снимает отметку до новой проверки.',
    declinedSubject: 'Не удалось подтвердить вашу принадлежность к организации',
    declinedIntro: (org) => `Ваш запрос на подтверждение принадлежности к организации ${org} отклонён.`,
    reason: (reason) => `Причина: ${reason}`,
    action: 'Открыть учётную запись',
  },
  roleGranted: {
    subject: {
      moderator: 'Вы назначены модератором этого пространства',
      chair: 'Вы назначены председателем этого пространства',
    },
    intro: {
      moderator: (inviter, space) => `${inviter} назначил(а) Вас модератором пространства «${space}» в Convene.`,
      chair: (inviter, space) => `${inviter} назначил(а) Вас председателем пространства «${space}» в Convene.`,
    },
    action: 'Открыть пространство',
  },
};

export const MESSAGES = { en, fr, es, ar, zh, ru } satisfies Record<Locale, Messages>;
export const messagesFor = (locale: Locale): Messages => MESSAGES[locale];
