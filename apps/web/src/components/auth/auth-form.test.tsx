import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAuth } from '../../stores/auth.ts';
import { authResponse, json } from '../../test/helpers.tsx';
import { AuthForm } from './auth-form.tsx';

beforeEach(() => {
  useAuth.setState({ user: null, accessToken: null, refreshToken: null });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('sign-in form', () => {
  it('shows field errors from a 400 details array under each field', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(400, {
          error: 'Invalid request body',
          code: 'validation_failed',
          details: [
            { path: 'email', message: 'must be a valid email address' },
            { path: 'password', message: 'must be at least 8 characters' },
          ],
        }),
      ),
    );
    render(
      <MemoryRouter>
        <AuthForm mode="signin" />
      </MemoryRouter>,
    );
    const email = screen.getByLabelText('Email');
    const password = screen.getByLabelText('Password');
    await waitFor(() => expect(document.activeElement).toBe(email));
    fireEvent.change(email, { target: { value: 'ada@example.com' } });
    fireEvent.change(password, { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    await screen.findByText('Email must be a valid email address');
    expect(screen.getByText('Password must be at least 8 characters')).toBeTruthy();
    expect(email.getAttribute('aria-invalid')).toBe('true');
    const describedBy = email.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toBe('Email must be a valid email address');
    // Focus moves to the first invalid field.
    await waitFor(() => expect(document.activeElement).toBe(email));
    expect(useAuth.getState().accessToken).toBeNull();
  });

  it('checks the fields with the contract before asking the server', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    render(
      <MemoryRouter>
        <AuthForm mode="signup" />
      </MemoryRouter>,
    );
    const name = screen.getByLabelText('Name');
    await waitFor(() => expect(document.activeElement).toBe(name));
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'not-an-email' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    await screen.findByText('Please tell us your name.');
    expect(screen.getByText('Email must be a valid email address')).toBeTruthy();
    expect(screen.getByText('Password must be at least 8 characters')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect(fetch).not.toHaveBeenCalled();
    // Putting a field right clears its message.
    fireEvent.change(name, { target: { value: 'Ada' } });
    await waitFor(() => expect(screen.queryByText('Please tell us your name.')).toBeNull());
  });

  it('says so when the credentials are wrong', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(401, { error: 'Invalid credentials', code: 'unauthenticated' })),
    );
    render(
      <MemoryRouter>
        <AuthForm mode="signin" />
      </MemoryRouter>,
    );
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ada@example.com' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'wrong-password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/do not match/);
  });

  it('stores the session on success', async () => {
    const onDone = vi.fn();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(200, authResponse('a1', 'r1-aaaaaaaaaaaaaaaaaaaa'))),
    );
    render(
      <MemoryRouter>
        <AuthForm mode="signin" onDone={onDone} />
      </MemoryRouter>,
    );
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ada@example.com' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'correct horse' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(useAuth.getState().accessToken).toBe('a1');
  });
});
