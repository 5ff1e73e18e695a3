#include "server/server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "common/clock.h"
#include "server/api.h"
#include "server/assets.h"
#include "server/json_error.h"
#include "server/request.h"
#include "server/security.h"
#include "server/upload.h"

extern char** environ;

namespace ijik::server {

using nlohmann::json;

// Declared in server/json_error.h (the upload routes answer errors the same way).
void json_error(httplib::Response& res, int status, const std::string& message) {
  res.status = status;
  // A refused request's body may be unread: never reuse the connection after it.
  if (status >= 400) res.set_header("Connection", "close");
  json body = {
      {"error",
       {{"status", status}, {"code", error_kind_for_status(status)}, {"message", message}}}};
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json");
}

namespace {

constexpr size_t kWorkerThreads = 64;

// httplib listens with a backlog of 5: when more clients connect at once
// (a browser opening its connections, a benchmark's reconnects) the kernel
// drops their SYNs and each retries a second later. Listening again on the
// same socket only raises the backlog. The socket is found among this
// process's descriptors: httplib does not give it out.
void widen_listen_backlog(int port) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd", ec)) {
    int fd = -1;
    try {
      fd = std::stoi(entry.path().filename().string());
    } catch (const std::exception&) {
      continue;
    }
    int listening = 0;
    socklen_t len = sizeof listening;
    if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len) != 0 || !listening) continue;
    sockaddr_storage addr{};
    socklen_t alen = sizeof addr;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &alen) != 0) continue;
    int bound = -1;
    if (addr.ss_family == AF_INET) bound = ntohs(reinterpret_cast<sockaddr_in*>(&addr)->sin_port);
    if (addr.ss_family == AF_INET6)
      bound = ntohs(reinterpret_cast<sockaddr_in6*>(&addr)->sin6_port);
    if (bound == port) (void)listen(fd, SOMAXCONN);
  }
}

void common_headers(httplib::Response& res) {
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");  // the first URL carries the token
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Content-Security-Policy",
                 "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                 "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
}

bool is_api(const std::string& path) {
  return path.rfind("/api/", 0) == 0;
}

RequestFacts facts(const httplib::Request& req) {
  return {req.method, req.get_header_value("Host"), req.get_header_value("Origin"),
          req.get_header_value("Cookie"), req.get_header_value("X-Ijik-Csrf")};
}

// Answers one API request by running its command(s).
void handle(const Endpoint& ep, const Guard& guard, const CommandRunner& run,
            const httplib::Request& req, httplib::Response& res) {
  ApiRequest ar;
  for (size_t i = 1; i < req.matches.size(); ++i) ar.captures.push_back(req.matches[i]);
  for (const auto& [k, v] : req.params) ar.query.emplace(k, v);
  if (auto refusal =
          read_json_body(req.method, req.get_header_value("Content-Type"), req.body, ar.body))
    return json_error(res, refusal->status, refusal->message);
  if (std::string_view(ep.pattern) == "/api/session") {
    json s = {{"csrf", guard.csrf()}, {"version", "0.1.0"}, {"today", today().iso()}};
    res.set_content(s.dump(), "application/json");
    return;
  }
  auto call = ep.build(ar);
  if (!call.ok()) return json_error(res, 400, call.error().message);
  CommandOutcome done = run(call->run);
  if (done.exit_code == 0 && !call->then.empty()) done = run(call->then);
  if (done.exit_code != 0)
    return json_error(res, http_status_for_exit(done.exit_code), done.message);
  res.status = ep.success_status;
  if (ep.filename)
    res.set_header("Content-Disposition", fmt::format("attachment; filename=\"{}\"", ep.filename));
  if (std::string_view(ep.content_type) != "application/json") {
    res.set_content(done.out, ep.content_type);
    return;
  }
  // A command's --json (compact, valid UTF-8: exchange::dump) goes out as it
  // is; a command without a JSON form (a write that prints one line)
  // answers with that line.
  const size_t start = done.out.find_first_not_of(" \n");
  if (start != std::string::npos && (done.out[start] == '{' || done.out[start] == '[')) {
    res.set_content(done.out, "application/json");  // (httplib 0.11 copies either way)
    return;
  }
  std::string msg = done.out;
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  json body = {{"ok", true}, {"message", msg}};
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json");
}

void open_in_browser(const std::string& url, std::ostream& err) {
  if (access("/usr/bin/xdg-open", X_OK) != 0) return;
  pid_t pid;
  const char* argv[] = {"xdg-open", url.c_str(), nullptr};
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
  if (posix_spawn(&pid, "/usr/bin/xdg-open", &fa, nullptr, const_cast<char**>(argv), environ) != 0)
    err << "ijik serve: could not open a browser; open the address above\n";
  posix_spawn_file_actions_destroy(&fa);
}

}  // namespace

Status serve(const ServeOptions& o, const CommandRunner& run, std::ostream& out,
             std::ostream& err) {
  if (o.port < 0 || o.port > 65535)
    return invalid_input(
        fmt::format("--port {} is out of range: expected 1-65535 (0: any free port)", o.port));
  httplib::Server svr;
  svr.set_payload_max_length(kMaxUploadBytes);  // the largest; the pre-routing check is per path
  // httplib gives a kept-alive connection one worker thread until it closes:
  // with its default 8 workers, a 9th client waits for a whole connection,
  // not a request. 64 workers serve 64 connections at once (a browser opens
  // about 6), and a connection stays open for many requests (reconnecting
  // costs a worker and the accepting thread more than a request).
  svr.new_task_queue = [] { return new httplib::ThreadPool(kWorkerThreads); };
  svr.set_keep_alive_max_count(100000);
  // A response goes out as headers then body: without this, Nagle's
  // algorithm holds the body until the client's delayed ACK (~40 ms).
  svr.set_tcp_nodelay(true);
  int port = o.port;
  if (port == 0) {
    port = svr.bind_to_any_port(o.host);
    if (port < 0) port = 0;
  } else if (!svr.bind_to_port(o.host, port)) {
    port = 0;
  }
  if (port == 0)
    return conflict(
        fmt::format("cannot listen on {}:{}: the port is in use or the host is not "
                    "this machine's (try --port 0 for any free port)",
                    o.host, o.port));
  widen_listen_backlog(port);
  Guard guard(o.host, port, random_token(), random_token());

  // Everything passes the guard first; "/?token=…" is the one way in.
  svr.set_pre_routing_handler([&](const httplib::Request& req, httplib::Response& res) {
    common_headers(res);
    RequestHead head{facts(req), req.path};
    if (req.has_param("token")) head.token = req.get_param_value("token");
    if (req.has_header("Content-Length"))
      head.content_length = req.get_header_value("Content-Length");
    head.chunked = req.has_header("Transfer-Encoding");
    Admission a = admit(guard, head);
    if (a.kind == Admission::kRefuse) {
      json_error(res, a.refusal.status, a.refusal.message);
      return httplib::Server::HandlerResponse::Handled;
    }
    if (a.kind == Admission::kLogin) {
      res.set_header("Set-Cookie", guard.session_cookie());
      res.set_redirect("/", 303);  // drops the token from the address bar
      return httplib::Server::HandlerResponse::Handled;
    }
    if (is_api(req.path)) res.set_header("Cache-Control", "no-store");
    return httplib::Server::HandlerResponse::Unhandled;
  });

  for (const auto& ep : endpoints()) {
    auto handler = [&ep, &guard, &run](const httplib::Request& req, httplib::Response& res) {
      handle(ep, guard, run, req, res);
    };
    std::string_view m = ep.method;
    if (m == "GET")
      svr.Get(ep.pattern, handler);
    else if (m == "POST")
      svr.Post(ep.pattern, handler);
    else if (m == "PUT")
      svr.Put(ep.pattern, handler);
    else if (m == "PATCH")
      svr.Patch(ep.pattern, handler);
    else if (m == "DELETE")
      svr.Delete(ep.pattern, handler);
  }
  register_upload_routes(svr, run, o.workspace_dir);
  // The front end: only files in the embedded table.
  svr.Get(R"(/[^?]*)", [](const httplib::Request& req, httplib::Response& res) {
    if (is_api(req.path)) return json_error(res, 404, fmt::format("no endpoint {}", req.path));
    const Asset* a = static_file(req.path);
    if (!a) return json_error(res, 404, fmt::format("no file {}", req.path));
    res.set_content(std::string(a->body), std::string(a->content_type).c_str());
  });
  svr.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    json_error(res, res.status,
               res.status == 404   ? fmt::format("no endpoint {} {}", req.method, req.path)
               : res.status == 413 ? fmt::format("request body is over {} bytes", kMaxBodyBytes)
                                   : "request refused");
  });
  svr.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        json_error(res, 500, "internal error");  // never the exception's text or a trace
      });

  // SIGINT/SIGTERM stop the server from a thread of their own.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    svr.stop();
  });

  const std::string url = fmt::format(
      "http://{}:{}/?token={}", o.host.find(':') != std::string::npos ? "[" + o.host + "]" : o.host,
      port, guard.token());
  if (o.host != "127.0.0.1" && o.host != "localhost" && o.host != "::1")
    err << fmt::format("ijik serve: warning: listening on {}, reachable from other machines\n",
                       o.host);
  out << "ijik serve: " << url << "\n"
      << "Open the address above (it carries this run's access token). Ctrl+C stops.\n";
  out.flush();
  if (o.open_browser) open_in_browser(url, err);
  svr.listen_after_bind();
  if (waiter.joinable()) {
    pthread_kill(waiter.native_handle(), SIGTERM);  // the server stopped by itself: end the waiter
    waiter.join();
  }
  return {};
}

}  // namespace ijik::server
