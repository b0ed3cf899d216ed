import type { AuthResponse, User } from '@btb/contracts';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

interface AuthState {
  user: User | null;
  accessToken: string | null;
  refreshToken: string | null;
  signIn: (auth: AuthResponse) => void;
  setUser: (user: User) => void;
  signOut: () => void;
}

export const useAuth = create<AuthState>()(
  persist(
    (set) => ({
      user: null,
      accessToken: null,
      refreshToken: null,
      signIn: (auth) =>
        set({ user: auth.user, accessToken: auth.accessToken, refreshToken: auth.refreshToken }),
      setUser: (user) => set({ user }),
      signOut: () => set({ user: null, accessToken: null, refreshToken: null }),
    }),
    {
      name: 'btb-auth',
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ user: s.user, accessToken: s.accessToken, refreshToken: s.refreshToken }),
    },
  ),
);

// Keep tabs in step: a sign-in, sign-out or token rotation in one tab reaches the others.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === 'btb-auth') void useAuth.persist.rehydrate();
  });
}
