import { expect } from "vitest";
import type { paths } from "./api-types.js";
import type { TestApp } from "./app.js";
import type { TestClient } from "./http.js";

/**
 * API calls typed by the document (test/support/api-types.ts, from /api/openapi.json): the path, its
 * parameters, the body and each status's JSON are checked by tsc, so a field renamed on the server
 * fails the typecheck of the tests that read it, not only their run.
 */
type Method = "get" | "put" | "post" | "delete" | "patch";
type Path = keyof paths;
type MethodOf<P extends Path> = { [M in Method]: paths[P][M] extends undefined | never ? never : M }[Method];
type Op<P extends Path, M extends Method> = NonNullable<paths[P][M]>;

type Params<O> = O extends { parameters: infer X } ? X : never;
type PathParams<O> = Params<O> extends { path: infer X } ? X : never;
type QueryParams<O> = Params<O> extends { query?: infer X } ? X : never;
type JsonBodyOf<R> = R extends { content: { "application/json": infer B } } ? B : never;
type Body<O> = O extends { requestBody?: infer R } ? JsonBodyOf<NonNullable<R>> : never;
type Responses<O> = O extends { responses: infer R } ? R : never;
type JsonOf<R> = R extends { content: { "application/json": infer J } } ? J : undefined;

/** What a call sends besides the method and path; each part only where the operation has it. */
export type CallInit<O> = ([PathParams<O>] extends [never | undefined]
  ? { path?: never }
  : { path: PathParams<O> }) &
  ([QueryParams<O>] extends [never | undefined] ? { query?: never } : { query?: QueryParams<O> }) &
  ([Body<O>] extends [never] ? { body?: never } : { body: Body<O> });

/** A reply: its status and the JSON documented for that status. */
export type Reply<O> = {
  [S in keyof Responses<O>]: { status: S; body: JsonOf<Responses<O>[S]>; response: Response };
}[keyof Responses<O>];

type Send = (method: string, url: string, body: unknown) => Promise<Response>;

function urlOf(path: string, init: { path?: unknown; query?: unknown }): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(String((init.path as Record<string, unknown> | undefined)?.[name])),
  );
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries((init.query ?? {}) as Record<string, unknown>))
    if (value !== undefined) query.set(key, String(value));
  const search = query.toString();
  return search ? `${filled}?${search}` : filled;
}

export class TypedApi {
  constructor(private readonly send: Send) {}

  /** Anonymous calls straight to the app. */
  static anonymous(testApp: TestApp): TypedApi {
    return new TypedApi(async (method, url, body) =>
      testApp.app.request(url, {
        method,
        headers: { accept: "application/json", "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
  }

  /** Calls with an API token. */
  static bearer(testApp: TestApp, token: string): TypedApi {
    return new TypedApi(async (method, url, body) =>
      testApp.app.request(url, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: "application/json",
          "content-type": "application/json",
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
  }

  /** Calls as a browser session: its cookie, and its CSRF header on changes. */
  static session(client: TestClient): TypedApi {
    return new TypedApi((method, url, body) =>
      method === "GET"
        ? client.request(url, { headers: { accept: "application/json" } })
        : client.sendJson(method, url, body),
    );
  }

  async call<P extends Path, M extends MethodOf<P>>(
    method: M,
    path: P,
    init: CallInit<Op<P, M>>,
  ): Promise<Reply<Op<P, M>>> {
    const response = await this.send(method.toUpperCase(), urlOf(path, init), init.body);
    const type = response.headers.get("content-type") ?? "";
    const body = type.includes("application/json") ? await response.clone().json() : undefined;
    return { status: response.status, body, response } as Reply<Op<P, M>>;
  }

  /** Calls and expects `status`, returning that status's JSON. */
  async expect<P extends Path, M extends MethodOf<P>, S extends keyof Responses<Op<P, M>> & number>(
    status: S,
    method: M,
    path: P,
    init: CallInit<Op<P, M>>,
  ): Promise<JsonOf<Responses<Op<P, M>>[S]>> {
    const reply = (await this.call(method, path, init)) as { status: number; body: unknown };
    expect(reply.status, `${method.toUpperCase()} ${path}: ${JSON.stringify(reply.body)}`).toBe(status);
    return reply.body as JsonOf<Responses<Op<P, M>>[S]>;
  }
}
