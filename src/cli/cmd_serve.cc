// ijik serve [--host 127.0.0.1] [--port 7077] [--no-open]: the local web app.
// Each API request runs an ijik command in-process through cli::run, in its
// own transaction, exactly as a CLI invocation would (busy timeout included),
// so the CLI and the server share one workspace safely, on one of a few
// workspace connections kept open between requests (warm caches).
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <mutex>
#include <sstream>
#include <vector>

#include "cli/commands.h"
#include "common/stamped_cache.h"
#include "exchange/json_view.h"
#include "server/server.h"

namespace ijik::cli {
namespace {

constexpr int kConcurrentCommands = 4;

// Lets `width` callers in at a time, each holding one of `width` slots; the
// others wait and enter in the order they came, each woken alone when its
// turn comes, taking the slot of the one who left.
class FifoGate {
 public:
  explicit FifoGate(int width) {
    for (int i = width - 1; i >= 0; --i) free_.push_back(i);
  }
  int enter() {
    std::unique_lock lock(mu_);
    if (!free_.empty() && waiting_.empty()) {
      const int slot = free_.back();
      free_.pop_back();
      return slot;
    }
    Waiter me;
    waiting_.push_back(&me);
    me.cv.wait(lock, [&] { return me.slot >= 0; });
    return me.slot;
  }
  void leave(int slot) {
    std::lock_guard lock(mu_);
    if (waiting_.empty()) {
      free_.push_back(slot);
      return;
    }
    Waiter* next = waiting_.front();  // the turn passes straight to the oldest
    waiting_.pop_front();
    next->slot = slot;
    next->cv.notify_one();
  }

 private:
  struct Waiter {
    std::condition_variable cv;
    int slot = -1;
  };
  std::mutex mu_;
  std::deque<Waiter*> waiting_;
  std::vector<int> free_;
};

struct ServeArgs {
  std::string host = "127.0.0.1";
  int port = 7077;
  bool no_open = false;
};

server::CommandOutcome run_in_process(const std::string& db_path, const server::Args& args) {
  std::vector<std::string> argv_text = {"ijik", "--db=" + db_path, "--json"};
  argv_text.insert(argv_text.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& s : argv_text) argv.push_back(s.data());
  argv.push_back(nullptr);
  std::ostringstream out, err;
  server::CommandOutcome r;
  // At most a few commands run at once, the others queue in arrival order:
  // on two cores more would only contend for SQLite's shared-memory read
  // locks (which back off by sleeping), the allocator and the CPU, and
  // without the order some requests would wait far longer than the rest.
  // Each place in the gate keeps its workspace connection from request to
  // request: a few warm connections (page cache, memory map, prepared
  // statements) serve all the worker threads.
  static FifoGate gate(kConcurrentCommands);
  static KeptConnection kept[kConcurrentCommands];
  const int slot = gate.enter();
  struct Leave {
    int slot;
    ~Leave() { gate.leave(slot); }
  } leave{slot};
  exchange::CompactJson compact;  // the server sends it on as it is
  r.exit_code = run(static_cast<int>(argv_text.size()), argv.data(), out, err, &kept[slot]);
  r.out = out.str();
  if (r.exit_code != 0) {
    // The runner's one line: "ijik: error: MESSAGE".
    std::string msg = err.str();
    const std::string prefix = "ijik: error: ";
    if (auto p = msg.rfind(prefix); p != std::string::npos) msg = msg.substr(p + prefix.size());
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == '\r')) msg.pop_back();
    r.message = msg.empty() ? "the command failed" : msg;
  }
  return r;
}

}  // namespace

void register_serve_command(Registry& r) {
  auto a = std::make_shared<ServeArgs>();
  auto* sub = r.app().add_subcommand(
      "serve", "Start the local web app on this workspace (prints the address to open)");
  sub->add_option("--host", a->host, "Address to listen on (default 127.0.0.1: this machine only)");
  sub->add_option("--port", a->port, "Port (default 7077; 0 picks a free one)");
  sub->add_flag("--no-open", a->no_open, "Do not open a browser");
  examples(sub, {"ijik serve", "ijik serve --port 8080 --no-open"});
  r.on(sub, Access::kNone, [a](Context& ctx) -> Status {
    server::ServeOptions o{a->host, a->port, !a->no_open,
                           std::filesystem::path(ctx.db_path).parent_path().string()};
    enable_stamped_caches();  // requests share one warm name index and screening table
    const std::string db = ctx.db_path;
    return server::serve(
        o, [db](const server::Args& args) { return run_in_process(db, args); }, ctx.out, ctx.err);
  });
}

}  // namespace ijik::cli
