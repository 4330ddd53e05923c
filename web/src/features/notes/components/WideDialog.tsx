import type { ReactNode } from 'react';
import { Dialog, Heading } from 'react-aria-components/Dialog';
import { Modal, ModalOverlay } from 'react-aria-components/Modal';
import { useTranslation } from 'react-i18next';

/**
 * The workspace's wide reading dialog (a version, two versions compared, the note's preview):
 * a title, the content, any further actions, then Close, which takes the focus.
 */
export function WideDialog({
  isOpen,
  onClose,
  title,
  actions,
  children,
}: {
  isOpen: boolean;
  onClose: () => void;
  title: ReactNode;
  /** Buttons before Close. */
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation('notes');
  return (
    <ModalOverlay
      isOpen={isOpen}
      onOpenChange={(open) => !open && onClose()}
      isDismissable
      className="notes-modal-overlay"
    >
      <Modal className="notes-modal wide">
        <Dialog className="notes-dialog">
          {({ close }) => (
            <>
              <Heading slot="title">{title}</Heading>
              {children}
              <div className="notes-dialog-actions">
                {actions}
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
