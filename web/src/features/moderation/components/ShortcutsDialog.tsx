import { Dialog, Heading } from 'react-aria-components/Dialog';
import { Modal, ModalOverlay } from 'react-aria-components/Modal';
import { useTranslation } from 'react-i18next';

export const SHORTCUTS = ['j', 'k', 'a', 'r', 'x', 'u', '?'] as const;

/** The queue's keyboard shortcuts ("?"). Focus returns to where it was when it closes. */
export function ShortcutsDialog({ isOpen, onOpenChange }: { isOpen: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation('moderation');
  return (
    <ModalOverlay isOpen={isOpen} onOpenChange={onOpenChange} isDismissable className="staff-modal-overlay">
      <Modal className="staff-modal staff">
        <Dialog className="staff-dialog" data-shortcuts="off">
          {({ close }) => (
            <>
              <Heading slot="title">{t('shortcuts.title')}</Heading>
              <table className="shortcuts-table">
                <caption className="visually-hidden">{t('shortcuts.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('shortcuts.key')}</th>
                    <th scope="col">{t('shortcuts.action')}</th>
                  </tr>
                </thead>
                <tbody>
                  {SHORTCUTS.map((k) => (
                    <tr key={k}>
                      <td>
                        <kbd>{k}</kbd>
                      </td>
                      <td>{t(`shortcuts.keys.${k === '?' ? 'help' : k}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="muted">{t('shortcuts.note')}</p>
              <div className="form-row">
                <button type="button" className="button" onClick={close} autoFocus>
                  {t('common:actions.close')}
                </button>
              </div>
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
