import ArgumentParser
import NIOCore
import NIOPosix

// Swift concurrency's tasks run on the server's event-loop threads, so a request is read, handled and answered
// without handing it between two thread pools. It must happen on the main thread, before any task starts.
NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()

/// The asynchronous entry point (a plain `BroadsheetCommand.main()` here would pick the synchronous one).
func runAsync<Command: AsyncParsableCommand>(_ command: Command.Type) async { await command.main() }
await runAsync(BroadsheetCommand.self)
