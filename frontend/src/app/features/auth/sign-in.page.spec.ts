import { HttpErrorResponse } from '@angular/common/http';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { SignInResponse } from '@acimtl/contracts';
import fr from '../../../i18n/fr.json';
import { SessionStore } from '../../core/auth/session.store';
import { buttonNamed, settle as settleFixture } from '../../../testing/dom';
import { SignInPage } from './sign-in.page';
import { frenchTranslations } from '../../../testing/i18n';

const signedIn: SignInResponse = {
  status: 'signed-in',
  user: {
    id: 'user-1',
    email: 'ana@acimtl.local',
    givenName: 'Ana',
    familyName: 'Roy',
    role: 'coordinator',
    locale: 'fr',
    shelters: [],
  },
};

describe('SignInPage, second factor', () => {
  let fixture: ComponentFixture<SignInPage>;
  const session = {
    signIn: vi.fn<(email: string, password: string) => Promise<SignInResponse>>(),
    setNewPassword: vi.fn<(email: string, password: string) => Promise<SignInResponse>>(),
    answerMfaCode: vi.fn<(email: string, code: string) => Promise<SignInResponse>>(),
    completeMfaSetup: vi.fn<(email: string, code: string) => Promise<SignInResponse>>(),
  };

  beforeEach(async () => {
    Object.values(session).forEach((mock) => mock.mockReset());
    TestBed.configureTestingModule({
      imports: [SignInPage, frenchTranslations()],
      providers: [provideRouter([]), { provide: SessionStore, useValue: session }],
    });
    fixture = TestBed.createComponent(SignInPage);
    await settle();
  });

  const element = () => fixture.nativeElement as HTMLElement;

  const settle = (ms = 0) => settleFixture(fixture, ms);

  function type(selector: string, value: string): void {
    const input = element().querySelector(selector) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function submitPassword(answer: SignInResponse): Promise<void> {
    session.signIn.mockResolvedValue(answer);
    type('input[type=email]', 'ana@acimtl.local');
    type('input[type=password]', 'a long enough password');
    buttonNamed(element(), 'Se connecter').click();
    await settle();
  }

  async function submitCode(code: string): Promise<void> {
    type('input[autocomplete=one-time-code]', code);
    buttonNamed(element(), fr.auth.mfaCode.submit).click();
    await settle();
  }

  it('asks for the app’s code after the password, and signs in with it', async () => {
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    await submitPassword({ status: 'mfa-code-required' });

    expect(element().querySelector('h1')?.textContent).toContain(fr.auth.mfaCode.title);

    session.answerMfaCode.mockResolvedValue(signedIn);
    await submitCode('123 456');

    expect(session.answerMfaCode).toHaveBeenCalledWith('ana@acimtl.local', '123456');
    expect(navigate).toHaveBeenCalledWith('/');
  });

  it('refuses a code that is not six digits without sending it', async () => {
    await submitPassword({ status: 'mfa-code-required' });

    await submitCode('12a45');

    expect(session.answerMfaCode).not.toHaveBeenCalled();
    expect(element().textContent).toContain(fr.validation.pattern);
  });

  it('says so next to the form when the code is refused', async () => {
    await submitPassword({ status: 'mfa-code-required' });
    session.answerMfaCode.mockRejectedValue(
      new HttpErrorResponse({
        status: 400,
        error: { statusCode: 400, code: 'INVALID_MFA_CODE', message: 'wrong', requestId: 'r' },
      }),
    );

    await submitCode('654321');

    expect(element().querySelector('[role=alert]')?.textContent).toContain(
      fr.errors.INVALID_MFA_CODE,
    );
  });

  it('shows the key to enroll an app the first time, then completes the setup with its code', async () => {
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    await submitPassword({
      status: 'mfa-setup-required',
      secret: 'JBSWY3DPEHPK3PXP',
      otpauthUri: 'otpauth://totp/ACI-MTL:ana%40acimtl.local?secret=JBSWY3DPEHPK3PXP',
    });

    expect(element().querySelector('h1')?.textContent).toContain(fr.auth.mfaSetup.title);
    expect(element().querySelector('[data-testid=mfa-secret]')?.textContent).toBe(
      'JBSW Y3DP EHPK 3PXP',
    );
    expect(element().querySelector('a[href^="otpauth:"]')).not.toBeNull();
    await vi.waitFor(() => {
      fixture.detectChanges();
      expect(element().querySelector('aci-qr-code svg')?.getAttribute('aria-label')).toBe(
        fr.auth.mfaSetup.qr,
      );
    });
    expect(element().querySelector('aci-qr-code path')?.getAttribute('d')).toMatch(/^M\d+ \d+h1/);

    session.completeMfaSetup.mockResolvedValue(signedIn);
    type('input[autocomplete=one-time-code]', '246810');
    buttonNamed(element(), fr.auth.mfaSetup.submit).click();
    await settle();

    expect(session.completeMfaSetup).toHaveBeenCalledWith('ana@acimtl.local', '246810');
    expect(session.answerMfaCode).not.toHaveBeenCalled();
    expect(navigate).toHaveBeenCalledWith('/');
  });
});
