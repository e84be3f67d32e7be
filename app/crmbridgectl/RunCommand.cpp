// SPDX-License-Identifier: GPL-3.0-or-later
#include "RunCommand.h"

#include "ConnectionCommands.h"
#include "EngineHost.h"
#include "SignalWatcher.h"
#include "StoreCommands.h"
#include "common/Clock.h"
#include "common/Log.h"
#include "engine/Notifier.h"
#include "engine/SyncEngine.h"
#include "source/intake/FormIntakeServer.h"
#include "storage/Sql.h"
#include "store/ConnectionRepo.h"
#include "store/JobRepo.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QLoggingCategory>
#include <QTimer>

namespace Ctl {

namespace {

/** Jobs a lane could take right now, or is holding. */
int dueOrHeld(Storage::Database &db)
{
    auto count = Storage::Sql::scalar(
        db,
        QStringLiteral("SELECT COUNT(*) FROM jobs WHERE (state = 'pending' AND next_attempt_at <= ?)"
                       " OR state IN ('running', 'sending')"),
        { Common::Clock::system()->nowMs() });
    return count ? count->toInt() : -1;
}

void printSummary(std::shared_ptr<Storage::Database> db)
{
    auto counts = Store::JobRepo(db).countsByState();
    if (!counts)
        return;
    QStringList parts;
    for (Store::JobState state : Store::allJobStates())
        parts << QStringLiteral("%1 %2").arg(counts->value(state)).arg(Store::jobStateName(state));
    out(QStringLiteral("Queue: %1").arg(parts.join(QStringLiteral(", "))));
}

} // namespace

Command runCommand()
{
    return {
        QStringLiteral("run"), Text::tr("Run the engine headless (--once: until nothing is due)"),
        [](const QStringList &args, const QString &databaseUrl) {
            QCommandLineParser parser;
            parser.setApplicationDescription(Text::tr(
                "Run the sync engine: one lane per CRM connection sends the queue. Logs go to stderr in a\n"
                "journald-friendly form; SIGTERM finishes the rounds in flight and stops."));
            parser.addOption({ QStringLiteral("once"), Text::tr("Send what is due now, then exit") });
            if (!parseSubcommand(parser, QStringLiteral("run"), args))
                return parser.isSet(QStringLiteral("help")) ? 0 : 2;
            auto db = openStore(databaseUrl, true);
            if (!db) {
                err(QStringLiteral("crmbridgectl: %1").arg(db.error().message));
                return 1;
            }
            auto secrets = headlessSecretStore(db.value());
            if (!secrets) {
                err(QStringLiteral("crmbridgectl: %1").arg(secrets.error().message));
                return 1;
            }
            Common::Log::installJournalFriendlyHandler();
            QLoggingCategory::setFilterRules(
                QStringLiteral("crmbridge.*.debug=false\ncrmbridge.*.info=true"));

            App::EngineHost host(db.value(), secrets.value());
            // A test seam: how often the failure notifier looks (its digests keep their own interval).
            if (const int ms = qEnvironmentVariableIntValue("CRMBRIDGE_NOTIFY_CHECK_MS"); ms > 0)
                host.setNotifyCheckInterval(ms);
            Engine::SyncEngine &engine = *host.engine();
            int exitCode = 0;
            QObject::connect(&engine, &Engine::SyncEngine::stopped, qApp, [&] {
                printSummary(db.value());
                QCoreApplication::exit(exitCode);
            });
            QObject::connect(&engine, &Engine::SyncEngine::laneStateChanged, qApp,
                             [](qint64 connection, Engine::LaneState state, const QString &reason) {
                                 err(QStringLiteral("<6>crmbridge.engine: lane %1 %2%3")
                                         .arg(connection)
                                         .arg(Engine::laneStateName(state),
                                              reason.isEmpty() ? QString() : QStringLiteral(": ") + reason));
                             });
            QObject::connect(&engine, &Engine::SyncEngine::sourceStateChanged, qApp,
                             [](const QString &source, Engine::PollerState state, const QString &reason) {
                                 const bool bad = state == Engine::PollerState::Unreachable
                                     || state == Engine::PollerState::Failing;
                                 err(QStringLiteral("<%1>crmbridge.engine: source %2 %3%4")
                                         .arg(bad ? 4 : 6)
                                         .arg(source, Engine::pollerStateName(state),
                                              reason.isEmpty() ? QString() : QStringLiteral(": ") + reason));
                             });
            SignalWatcher watcher;
            QObject::connect(&watcher, &SignalWatcher::terminationRequested, &engine, [&engine](int) {
                err(QStringLiteral("<5>crmbridge.engine: stopping: finishing the rounds in flight"));
                engine.stop();
            });
            const bool once = parser.isSet(QStringLiteral("once"));
            // --once sends what is due; a service also takes forms, when the store has any.
            if (auto started = host.start(!once); !started) {
                err(QStringLiteral("crmbridgectl: %1").arg(started.error().message));
                return 1;
            }
            auto connections = Store::ConnectionRepo(db.value()).list();
            if (connections
                && std::none_of(connections->cbegin(), connections->cend(),
                                [](const Store::Connection &c) { return c.enabled(); })) {
                err(Text::tr(
                    "crmbridgectl: there is no CRM connection: add one with `crmbridgectl connection add`"));
                return 1;
            }

            QObject::connect(
                host.notifier(), &Engine::Notifier::digestSent, qApp,
                [](int failures, const QString &channels, const QString &error) {
                    if (error.isEmpty())
                        err(QStringLiteral("<6>crmbridge.engine: failure digest sent (%1 failed) by %2")
                                .arg(failures)
                                .arg(channels));
                    else
                        err(QStringLiteral("<4>crmbridge.engine: failure digest not delivered: %1")
                                .arg(error));
                });
            if (host.intake())
                err(QStringLiteral("<6>crmbridge.engine: the form intake listens on port %1")
                        .arg(host.intake()->port()));

            QTimer watch;
            if (once) {
                // Done when nothing is due or held; stuck when every lane waits for the operator.
                QObject::connect(&watch, &QTimer::timeout, &engine, [&] {
                    const auto lanes = engine.lanes();
                    const bool allPaused = !lanes.isEmpty()
                        && std::all_of(lanes.cbegin(), lanes.cend(), [](Engine::Lane *lane) {
                               return lane->state() == Engine::LaneState::Paused;
                           });
                    if (allPaused) {
                        err(Text::tr("crmbridgectl: every lane is paused (%1); the queue waits")
                                .arg(lanes.first()->reason()));
                        exitCode = 3;
                    } else if (dueOrHeld(*db.value()) != 0) {
                        return;
                    }
                    watch.stop();
                    engine.stop();
                });
                watch.start(500);
            }
            return QCoreApplication::exec();
        }
    };
}

} // namespace Ctl
