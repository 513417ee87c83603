import type { TestApp } from "./app.js";
import { FIXTURE_PASSWORD } from "./fixtures.js";

/** A browser-like client: keeps cookies and reads the CSRF token from the page it was given. */
export class TestClient {
  private cookies = new Map<string, string>();
  csrfToken = "";

  constructor(
    private readonly testApp: TestApp,
    private readonly ip = "203.0.113.7",
  ) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0)
      headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    if (!headers.has("x-forwarded-for")) headers.set("x-forwarded-for", this.ip);
    if (!headers.has("user-agent"))
      headers.set("user-agent", "Mozilla/5.0 (X11; Linux x86_64) TestClient/1.0");
    const response = await this.testApp.app.request(path, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const index = pair?.indexOf("=") ?? -1;
      if (!pair || index < 0) continue;
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /**
   * GETs a page and remembers its CSRF token: from `<meta name="csrf-token">` when signed in, else
   * from the page's first form (anonymous pages print the token only in forms).
   */
  async page(path: string): Promise<{ response: Response; html: string }> {
    const response = await this.request(path);
    const html = await response.text();
    const match =
      html.match(/<meta name="csrf-token" content="([^"]*)"/) ?? html.match(/name="_csrf" value="([^"]*)"/);
    if (match?.[1]) this.csrfToken = match[1];
    return { response, html };
  }

  /** Posts a form with the current CSRF token (fetched from `from` first when we have none). */
  async postForm(path: string, fields: Record<string, string>, from = "/dang-nhap"): Promise<Response> {
    if (!this.csrfToken) await this.page(from);
    const body = new URLSearchParams({ _csrf: this.csrfToken, ...fields });
    return this.request(path, {
      method: "POST",
      body,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
  }

  async sendJson(method: string, path: string, body: unknown): Promise<Response> {
    return this.request(path, {
      method,
      body: JSON.stringify(body),
      headers: {
        "content-type": "application/json",
        accept: "application/json",
        "x-csrf-token": this.csrfToken,
      },
    });
  }

  async logIn(username: string, password = FIXTURE_PASSWORD): Promise<Response> {
    const response = await this.postForm("/dang-nhap", { username, password });
    // A new session comes with a new CSRF token.
    await this.page("/quan-tri");
    return response;
  }
}
