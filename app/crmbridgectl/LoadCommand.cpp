// SPDX-License-Identifier: GPL-3.0-or-later
#include "LoadCommand.h"

#include "ConnectionCommands.h"
#include "ShopSources.h"
#include "StoreCommands.h"
#include "engine/HistoricLoad.h"
#include "source/SourceRepo.h"
#include "store/Outbox.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>

namespace Ctl {

using Common::Result;

namespace {

const QString kCommand = QStringLiteral("source load");

int fail(const QString &command, const QString &message, int code = 1)
{
    err(QStringLiteral("crmbridgectl %1: %2").arg(command, message));
    return code;
}

QString duration(qint64 seconds)
{
    if (seconds < 0)
        return QStringLiteral("unknown");
    if (seconds < 90)
        return QStringLiteral("%1 s").arg(seconds);
    if (seconds < 90 * 60)
        return QStringLiteral("%1 min").arg((seconds + 30) / 60);
    return QStringLiteral("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

Result<QDateTime> parseDate(const QString &text)
{
    QDateTime at = QDateTime::fromString(text, Qt::ISODate);
    if (!at.isValid())
        at = QDate::fromString(text, Qt::ISODate).startOfDay();
    if (!at.isValid())
        return Common::Error::invalidInput(
            QStringLiteral("\"%1\" is not a date (2024-05-31 or 2024-05-31T18:00)").arg(text));
    return at.toUTC();
}

int printProgress(const QString &name, std::shared_ptr<Storage::Database> db, bool json)
{
    auto progress = Engine::HistoricLoad::progress(name, db);
    if (!progress)
        return fail(kCommand, progress.error().message);
    if (!progress->has_value()) {
        out(QStringLiteral("%1 has no historic load").arg(name));
        return 0;
    }
    const Engine::LoadProgress &p = **progress;
    if (json) {
        QJsonObject object = p.state.toJson();
        object.insert(QStringLiteral("jobs"), p.jobs);
        object.insert(QStringLiteral("done"), p.done);
        object.insert(QStringLiteral("failed"), p.failed);
        object.insert(QStringLiteral("per_second"), p.perSecond);
        object.insert(QStringLiteral("seconds_left"), p.secondsLeft);
        object.insert(QStringLiteral("last_settled_at"), p.lastSettledAt);
        object.insert(QStringLiteral("stalled"), p.stalled);
        out(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
        return 0;
    }
    out(QStringLiteral("%1: %2; %3 of %4 orders read into the outbox%5")
            .arg(name, p.state.range.describe())
            .arg(p.state.queued)
            .arg(p.state.total)
            .arg(p.state.finishedReading() ? QString()
                                           : QStringLiteral(" (reading not finished: run the load again)")));
    if (p.stalled) {
        out(QStringLiteral(
                "sent: %1 of %2 jobs done, %3 failed; stalled: nothing sent for %4 — is an engine "
                "running (crmbridgectl run, or the console)? `crmbridgectl jobs groups` shows failures")
                .arg(p.done)
                .arg(p.jobs)
                .arg(p.failed)
                .arg(duration(p.idleMs / 1000)));
        return 0;
    }
    out(QStringLiteral("sent: %1 of %2 jobs done, %3 failed; %4 jobs/s; time left: %5")
            .arg(p.done)
            .arg(p.jobs)
            .arg(p.failed)
            .arg(p.perSecond, 0, 'f', 1)
            .arg(p.finished() ? QStringLiteral("none (finished)") : duration(p.secondsLeft)));
    return 0;
}

int load(Source::ShopSource &source, std::shared_ptr<Storage::Database> db, const Source::OrderRange &range,
         bool restart, bool dryRun, int batchSize)
{
    Engine::HistoricLoad historic(source, db);
    auto state = historic.begin(range, restart);
    if (!state)
        return fail(kCommand, state.error().message);
    const bool resumed = state->queued > 0;
    out(QStringLiteral("%1 %2: %3 orders (%4)%5")
            .arg(dryRun ? QStringLiteral("Dry run of the load of") : QStringLiteral("Loading"), source.name())
            .arg(state->total)
            .arg(range.describe(),
                 resumed ? QStringLiteral(", resumed after order %1 (%2 read before)")
                               .arg(state->after)
                               .arg(state->queued)
                         : QString()));
    QElapsedTimer timer;
    timer.start();
    qint64 fresh = 0, read = 0, printedAt = 0;
    Engine::LoadState current = state.value();
    while (!current.finishedReading()) {
        auto batch = historic.step(current, batchSize, dryRun);
        if (!batch)
            return fail(kCommand, batch.error().message);
        current = batch->state;
        fresh += batch->fresh;
        read += batch->read;
        if (timer.elapsed() - printedAt >= 1000 || current.finishedReading()) {
            printedAt = timer.elapsed();
            const double rate = read / std::max(0.001, timer.elapsed() / 1000.0);
            out(QStringLiteral("  %1 / %2 orders read (%3/s), time left %4")
                    .arg(current.queued)
                    .arg(current.total)
                    .arg(rate, 0, 'f', 0)
                    .arg(duration(rate > 0 ? qint64((current.total - current.queued) / rate) : -1)));
        }
    }
    auto targets = Store::Outbox(db).targetsOf(source.name());
    if (dryRun) {
        out(QStringLiteral("Would send %1 orders, each once in its present status, to %2 connection(s). "
                           "Nothing was stored.")
                .arg(read)
                .arg(targets ? targets->size() : 0));
        return 0;
    }
    out(QStringLiteral("%1 orders are in the outbox (%2 were queued or sent before and are not sent "
                       "again), for %3 connection(s). The engine (`crmbridgectl run` or the desktop app) "
                       "sends them; `crmbridgectl source load %4 --progress` shows how far it is.")
            .arg(fresh)
            .arg(read - fresh)
            .arg(targets ? targets->size() : 0)
            .arg(source.name()));
    return 0;
}

} // namespace

int sourceLoad(const QStringList &args, const QString &databaseUrl)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Send the orders already in the shop to the CRMs: each order once, in its present status (not its "
        "status history), through the outbox — the engine sends them with each CRM's batch calls, and an "
        "order already queued or sent is not sent again. Reading resumes where it stopped (run the same "
        "command again); --progress shows how far the CRMs have got.\n\n"
        "  crmbridgectl source load shop --dry-run\n"
        "  crmbridgectl source load shop --since 2024-01-01 --until 2024-06-30\n"
        "  crmbridgectl source load shop --from-id 1000 --to-id 2000\n"
        "  crmbridgectl source load shop --progress"));
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("The source's name"));
    parser.addOptions(
        { { QStringLiteral("from-id"), QStringLiteral("First shop order id"), QStringLiteral("ID") },
          { QStringLiteral("to-id"), QStringLiteral("Last shop order id"), QStringLiteral("ID") },
          { QStringLiteral("since"), QStringLiteral("Orders created from (ISO date)"),
            QStringLiteral("DATE") },
          { QStringLiteral("until"), QStringLiteral("Orders created until (ISO date)"),
            QStringLiteral("DATE") },
          { QStringLiteral("dry-run"), QStringLiteral("Count and read, store nothing") },
          { QStringLiteral("restart"), QStringLiteral("Start over instead of resuming") },
          { QStringLiteral("progress"), QStringLiteral("Show how far the load is, then exit") },
          { QStringLiteral("json"), QStringLiteral("With --progress: one JSON object") },
          { QStringLiteral("batch"), QStringLiteral("Orders per transaction (default 500)"),
            QStringLiteral("N"), QStringLiteral("500") } });
    if (!parseSubcommand(parser, kCommand, args))
        return parser.isSet(QStringLiteral("help")) ? 0 : 2;
    if (parser.positionalArguments().size() != 1)
        return fail(kCommand,
                    QStringLiteral("usage: source load NAME [--from-id ID] [--to-id ID] [--since DATE] "
                                   "[--until DATE] [--dry-run] [--restart] | NAME --progress"),
                    2);
    const QString name = parser.positionalArguments().first();
    auto db = openStore(databaseUrl, true);
    if (!db)
        return fail(kCommand, db.error().message);
    if (parser.isSet(QStringLiteral("progress")))
        return printProgress(name, db.value(), parser.isSet(QStringLiteral("json")));

    Source::OrderRange range;
    range.fromId = parser.value(QStringLiteral("from-id")).toLongLong();
    range.toId = parser.value(QStringLiteral("to-id")).toLongLong();
    for (const auto &[option, target] : { std::pair { QStringLiteral("since"), &range.from },
                                          std::pair { QStringLiteral("until"), &range.to } }) {
        if (!parser.isSet(option))
            continue;
        auto at = parseDate(parser.value(option));
        if (!at)
            return fail(kCommand, at.error().message, 2);
        *target = at.value();
    }
    if (parser.isSet(QStringLiteral("until")) && parser.value(QStringLiteral("until")).size() == 10)
        range.to = range.to.addDays(1).addMSecs(-1000); // a date: the whole day
    const int batchSize = std::clamp(parser.value(QStringLiteral("batch")).toInt(), 1, 5000);
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    const bool restart = parser.isSet(QStringLiteral("restart"));

    auto record = Source::SourceRepo(db.value()).byName(name);
    if (!record)
        return fail(kCommand, record.error().message);
    auto run = [&](Result<std::shared_ptr<Source::ShopSource>> source) {
        if (!source)
            return fail(kCommand, QStringLiteral("cannot use the shop: %1").arg(source.error().message));
        return load(*source.value(), db.value(), range, restart, dryRun, batchSize);
    };
    if (record->url.startsWith(QLatin1String("sqlite:")))
        return run(App::shopSources()->openWithPassword(record.value(), db.value(), {}));
    auto secrets = headlessSecretStore(db.value());
    if (!secrets)
        return fail(kCommand, secrets.error().message);
    return runEventLoop([&](std::function<void(int)> finish) {
        App::shopSources()->open(record.value(), db.value(), secrets.value(),
                                 [&run, finish](Result<std::shared_ptr<Source::ShopSource>> source) {
                                     finish(run(std::move(source)));
                                 });
    });
}

} // namespace Ctl
