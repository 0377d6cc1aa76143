import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import QRCode from 'qrcode';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { authState, signedIn, signedOut } from '../src/api/auth-store.ts';
import { cancelRenewal } from '../src/api/client.ts';
import { App } from '../src/app.tsx';
import { qrOptions } from '../src/features/sessions/qr-image.tsx';
import { account, fakeNetwork, token } from './fetch-fake.ts';

const later = Math.floor(Date.now() / 1000) + 3_600;
const at = '2026-01-01T10:00:00.000Z';

describe('the console screens', () => {
  afterEach(() => {
    cleanup();
    cancelRenewal();
    signedOut();
    location.hash = '';
    vi.unstubAllGlobals();
  });

  it('signs a new person up and shows their sessions', async () => {
    const { requests } = fakeNetwork({
      'POST /auth/register': [
        { status: 200, body: { success: true, data: { user: { ...account, createdAt: at }, token: token(later), refreshToken: 'r' } } },
      ],
      'GET /session/list': [{ status: 200, body: { data: [] } }],
    });
    render(<App />);
    fireEvent.click(screen.getByRole('button', { name: 'Create an account' }));
    const form = screen.getByRole('form', { name: 'Create an account' });
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'ana@example.com' } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'correct horse battery' } });
    fireEvent.submit(form);

    expect(await screen.findByRole('heading', { name: 'Sessions' })).toBeTruthy();
    expect(await requests[0]!.json()).toEqual({ email: 'ana@example.com', password: 'correct horse battery' });
    expect(authState().credentials?.account.email).toBe('ana@example.com');
    expect(await screen.findByText(/No sessions yet/)).toBeTruthy();
  });

  it("shows the API's error when signing in fails", async () => {
    fakeNetwork({ 'POST /auth/login': [{ status: 401, body: { success: false, error: 'Invalid email or password' } }] });
    render(<App />);
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'ana@example.com' } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'wrong' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Invalid email or password');
  });

  it('links a number: shows the QR drawn from its string, then connected', async () => {
    signedIn({ token: token(later), refreshToken: 'r', account });
    const session = { sessionId: 'main', phoneNumber: '6287654321', userId: 1, createdAt: at, updatedAt: at };
    const status = (value: string) => ({
      status: 200,
      body: { data: { ...session, status: value, isConnected: value === 'connected', lastUpdated: at, createdAt: at } },
    });
    fakeNetwork({
      'GET /session/list': [
        { status: 200, body: { data: [] } },
        ...Array.from({ length: 5 }, () => ({ status: 200, body: { data: [{ ...session, status: 'connected' }] } })),
      ],
      'POST /session/start': [{ status: 200, body: { qr: '2@abc,def,ghi' }, headers: { Date: new Date().toUTCString() } }],
      'GET /session/status': [status('qr'), status('connected')],
      'GET /events': Array.from({ length: 2 }, () => ({ status: 200, body: { success: true, data: [], nextCursor: null } })),
    });
    render(<App />);
    fireEvent.input(await screen.findByLabelText('Session name'), { target: { value: 'main' } });
    fireEvent.input(screen.getByLabelText('Phone number'), { target: { value: '6287654321' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Link a number' }));

    const qr = await screen.findByRole('img', { name: 'WhatsApp QR code' });
    expect(qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await screen.findByText('Session main is connected.', {}, { timeout: 3_000 })).toBeTruthy();
  });

  it('replaces the QR on screen when the session reports a new one, until it is scanned', async () => {
    signedIn({ token: token(later), refreshToken: 'r', account });
    const session = { sessionId: 'main', phoneNumber: '6287654321', userId: 1, createdAt: at, updatedAt: at };
    const waiting = {
      status: 200,
      body: { data: { ...session, status: 'qr', isConnected: false, lastUpdated: at, createdAt: at } },
    };
    const events = (qrs: string[]) => ({
      status: 200,
      body: {
        success: true,
        data: qrs.map((qr, index) => ({
          id: `evt_${index}`,
          type: 'session.status',
          createdAt: at,
          data: { session: 'main', status: 'qr', qr },
        })),
        nextCursor: null,
      },
    });
    fakeNetwork({
      'GET /session/list': Array.from({ length: 6 }, () => ({ status: 200, body: { data: [{ ...session, status: 'qr' }] } })),
      'POST /session/start': [{ status: 200, body: { qr: '2@first,ref' }, headers: { Date: new Date().toUTCString() } }],
      'GET /session/status': Array.from({ length: 6 }, () => waiting),
      'GET /events': [events(['2@first,ref']), ...Array.from({ length: 5 }, () => events(['2@first,ref', '2@second,ref']))],
    });
    render(<App />);
    fireEvent.input(await screen.findByLabelText('Session name'), { target: { value: 'main' } });
    fireEvent.input(screen.getByLabelText('Phone number'), { target: { value: '6287654321' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Link a number' }));

    const first = (await screen.findByRole('img', { name: 'WhatsApp QR code' })).getAttribute('src');
    await waitFor(() => expect(screen.getByRole('img', { name: 'WhatsApp QR code' }).getAttribute('src')).not.toBe(first), {
      timeout: 4_000,
    });
    expect(screen.getByRole('img', { name: 'WhatsApp QR code' }).getAttribute('src')).toBe(
      await QRCode.toDataURL('2@second,ref', qrOptions),
    );
  });

  it('lists messages with a status cell per message', async () => {
    signedIn({ token: token(later), refreshToken: 'r', account });
    location.hash = '#/messages/main';
    const sessions = {
      status: 200,
      body: { data: [{ sessionId: 'main', phoneNumber: '6287654321', status: 'connected', userId: 1, createdAt: at, updatedAt: at }] },
    };
    const out = {
      messageId: 'msg_2',
      direction: 'out',
      origin: 'api',
      from: null,
      to: '6281111111',
      isGroup: false,
      type: 'text',
      text: 'Hi',
      status: 'read',
      createdAt: at,
    };
    const inbound = {
      messageId: 'msg_1',
      direction: 'in',
      origin: 'contact',
      from: '+6281111111',
      pushName: 'Ana',
      to: '6287654321',
      isGroup: false,
      type: 'text',
      text: 'Hello',
      createdAt: at,
    };
    fakeNetwork({
      'GET /session/list': [sessions],
      'GET /message/list': [{ status: 200, body: { success: true, data: [out, inbound], nextCursor: 'next' } }],
    });
    render(<App />);

    const table = await screen.findByRole('table', { name: 'Messages of main' });
    const headers = [...table.querySelectorAll('th')].map((header) => header.textContent);
    expect(headers).toEqual(['Time', 'Direction', 'Contact', 'Type', 'Content', 'Status']);
    const rows = [...table.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent));
    expect(rows.map((cells) => [cells[4], cells[5]])).toEqual([
      ['Hi', 'read'],
      ['Hello', 'received'],
    ]);
    expect(screen.getByRole('button', { name: 'Load older messages' })).toBeTruthy();
  });
});
