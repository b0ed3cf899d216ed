import type { Preferences } from '@btb/contracts';
import { create } from 'zustand';
import { useAuth } from './auth.ts';

export type ThemeChoice = Preferences['theme'];

/** Where the choice is kept; /theme-init.js reads the same key before the first paint. */
export const themeStorageKey = 'btb-theme';
const choices: readonly ThemeChoice[] = ['system', 'light', 'dark'];
const darkQuery = '(prefers-color-scheme: dark)';

const prefersDark = () => typeof window !== 'undefined' && window.matchMedia?.(darkQuery).matches === true;

export function resolveTheme(choice: ThemeChoice, systemDark = prefersDark()): 'light' | 'dark' {
  return choice === 'dark' || (choice === 'system' && systemDark) ? 'dark' : 'light';
}

/** Puts the resolved theme on <html> (class, color-scheme) and the browser's toolbar colour. */
export function applyTheme(choice: ThemeChoice) {
  if (typeof document === 'undefined') return;
  const dark = resolveTheme(choice) === 'dark';
  const root = document.documentElement;
  root.classList.toggle('dark', dark);
  root.style.colorScheme = dark ? 'dark' : 'light';
  document.querySelector('meta[name="theme-color"]')?.setAttribute('content', dark ? '#161412' : '#faf7f2');
}

function storedChoice(): ThemeChoice {
  try {
    const value = localStorage.getItem(themeStorageKey) as ThemeChoice | null;
    return value && choices.includes(value) ? value : 'system';
  } catch {
    return 'system';
  }
}

interface ThemeState {
  choice: ThemeChoice;
  setChoice: (choice: ThemeChoice) => void;
}

export const useTheme = create<ThemeState>()((set) => ({
  choice: storedChoice(),
  setChoice: (choice) => {
    try {
      localStorage.setItem(themeStorageKey, choice);
    } catch {
      // private mode: the choice lasts as long as the tab
    }
    applyTheme(choice);
    set({ choice });
  },
}));

if (typeof window !== 'undefined') {
  applyTheme(useTheme.getState().choice);
  // "System" follows the OS as it changes (an evening switch to dark, for one).
  window.matchMedia?.(darkQuery).addEventListener?.('change', () => applyTheme(useTheme.getState().choice));
  // Another tab changed it.
  window.addEventListener('storage', (event) => {
    if (event.key !== themeStorageKey) return;
    useTheme.setState({ choice: storedChoice() });
    applyTheme(storedChoice());
  });
  // The profile's preference wins whenever the signed-in user arrives or changes.
  let last = useAuth.getState().user?.preferences?.theme;
  if (last && last !== useTheme.getState().choice) useTheme.getState().setChoice(last);
  useAuth.subscribe((state) => {
    const theme = state.user?.preferences?.theme;
    if (theme && theme !== last) {
      last = theme;
      if (theme !== useTheme.getState().choice) useTheme.getState().setChoice(theme);
    }
  });
}
