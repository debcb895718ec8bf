/** One pending single sign-on: what the callback must see again (state) and prove (nonce, PKCE verifier). */
export interface SsoLoginState {
  state: string;
  nonce: string;
  codeVerifier: string;
  createdAt: number;
}
