import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { RouterProvider } from './app/router';
import './styles.css';
import { createClient, createQueryClient, TRPCProvider } from './trpc';
import { localeReady } from './ui/locale';

function Root() {
  const [queryClient] = useState(createQueryClient);
  const [trpcClient] = useState(createClient);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <RouterProvider>
          <App />
        </RouterProvider>
      </TRPCProvider>
    </QueryClientProvider>
  );
}

// The first render waits for the user's language (its catalogues are a fetch away unless English;
// if that fetch fails the app shows English).
void localeReady.catch(() => undefined).then(() => createRoot(document.getElementById('root')!).render(<StrictMode><Root /></StrictMode>));
