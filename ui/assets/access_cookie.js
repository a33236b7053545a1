// Remember in this browser that the access key was entered (served from the
// package, no CDN).  The cookie holds a token derived from the key, never the
// key itself; the server reads it back through st.context.cookies on the next
// visit, so the key is asked for once per browser.
export default function (component) {
  const { data } = component;
  if (!data || !data.name || !data.token) return;
  const secure = window.location.protocol === "https:" ? "; Secure" : "";
  document.cookie =
    `${data.name}=${data.token}; path=/; max-age=${data.max_age}; SameSite=Strict${secure}`;
}
