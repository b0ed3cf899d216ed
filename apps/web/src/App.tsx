import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { QueryProvider } from './api/query-provider.tsx';
import { Layout, RequireAuth } from './components/layout.tsx';
import { AppErrorBoundary } from './components/route-error-boundary.tsx';
import { Skeleton } from './components/ui/skeleton.tsx';
import { SignInPage, SignUpPage } from './pages/auth.tsx';
import { DesignPage } from './pages/design.tsx';
import { GalleryPage } from './pages/gallery.tsx';
import { NotFoundPage } from './pages/not-found.tsx';

// Pages most visitors never open load on demand.
const StudioPage = lazy(() => import('./pages/studio.tsx').then((m) => ({ default: m.StudioPage })));
const CheckoutPage = lazy(() => import('./pages/checkout.tsx').then((m) => ({ default: m.CheckoutPage })));
const OrdersPage = lazy(() => import('./pages/orders.tsx').then((m) => ({ default: m.OrdersPage })));
const OrderCheckoutPage = lazy(() =>
  import('./pages/order-checkout.tsx').then((m) => ({ default: m.OrderCheckoutPage })),
);
const OrderPage = lazy(() => import('./pages/order.tsx').then((m) => ({ default: m.OrderPage })));
const ProfilePage = lazy(() => import('./pages/profile.tsx').then((m) => ({ default: m.ProfilePage })));
const TrendsPage = lazy(() => import('./pages/trends.tsx').then((m) => ({ default: m.TrendsPage })));
const AdminPage = lazy(() => import('./pages/admin.tsx').then((m) => ({ default: m.AdminPage })));

function PageFallback() {
  return (
    <div className="flex flex-col gap-4" aria-busy="true">
      <Skeleton className="h-9 w-56" />
      <Skeleton className="h-72 w-full" />
    </div>
  );
}

const page = (el: React.ReactNode) => <Suspense fallback={<PageFallback />}>{el}</Suspense>;
const member = (el: React.ReactNode) => page(<RequireAuth>{el}</RequireAuth>);

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<GalleryPage />} />
        <Route path="signin" element={<SignInPage />} />
        <Route path="signup" element={<SignUpPage />} />
        <Route path="trends" element={page(<TrendsPage />)} />
        <Route path="designs/:id" element={<DesignPage />} />
        <Route path="studio" element={member(<StudioPage />)} />
        <Route path="checkout/:designId" element={member(<CheckoutPage />)} />
        <Route path="orders" element={member(<OrdersPage />)} />
        <Route path="orders/:id" element={member(<OrderPage />)} />
        <Route path="orders/:id/checkout" element={member(<OrderCheckoutPage />)} />
        <Route path="profile" element={member(<ProfilePage />)} />
        <Route
          path="admin"
          element={page(
            <RequireAuth requiredRole="admin">
              <AdminPage />
            </RequireAuth>,
          )}
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

export function App() {
  return (
    <QueryProvider>
      <BrowserRouter>
        <AppErrorBoundary>
          <AppRoutes />
        </AppErrorBoundary>
      </BrowserRouter>
    </QueryProvider>
  );
}
