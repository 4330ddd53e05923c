import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Names the browser tab after the page, in the interface language. */
export function usePageTitle(title: string) {
  const { t } = useTranslation();
  const app = t('appName');
  useEffect(() => {
    const previous = document.title;
    document.title = `${title} – ${app}`;
    return () => {
      document.title = previous;
    };
  }, [title, app]);
}
