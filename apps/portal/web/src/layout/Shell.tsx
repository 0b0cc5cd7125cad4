import { Anchor, Box, Container } from '@mantine/core';
import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigation } from 'react-router-dom';
import { PageLoader } from '../components/PageLoader';
import { Footer } from './Footer';
import { Header } from './Header';
import classes from './shell.module.css';

export const MAIN_ID = 'main';

/** Page frame: skip link, header, main landmark, footer. Moves focus to <main> after each navigation. */
export function Shell() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigation = useNavigation();
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(location.pathname);

  useEffect(() => {
    if (shownPath.current === location.pathname) return; // first render: leave focus where the browser put it
    shownPath.current = location.pathname;
    window.scrollTo(0, 0);
    mainRef.current?.focus();
  }, [location.pathname]);

  return (
    <div className={classes.page}>
      <Anchor href={`#${MAIN_ID}`} className={classes.skipLink}>
        {t('app.skipToContent')}
      </Anchor>
      <Header />
      <Box
        component="main"
        id={MAIN_ID}
        ref={mainRef}
        tabIndex={-1}
        className={classes.main}
        aria-busy={navigation.state === 'loading'}
      >
        <Container size="lg" py="xl">
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </Container>
      </Box>
      <Footer />
    </div>
  );
}
