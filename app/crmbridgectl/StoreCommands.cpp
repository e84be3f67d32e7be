// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreCommands.h"

#include "storage/Migrator.h"
#include "store/ConnectionRepo.h"
#include "store/CredentialExpiryRepo.h"
#include "store/JobRepo.h"
#include "store/LaneLeaseRepo.h"
#include "store/LaneStatusRepo.h"
#include "store/SourceStatusRepo.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Ctl {

namespace {
/** Lanes as status --json shows them; a lane silent for a minute is "gone" (its engine stopped or died). */
QJsonArray lanesJson(const QList<Store::LaneStatus> &lanes)
{
    QJsonArray array;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const Store::LaneStatus &lane : lanes) {
        const bool gone = lane.state != QLatin1String("stopped") && now - lane.heartbeatAt > 60'000;
        array.append(QJsonObject { { QStringLiteral("owner"), lane.owner },
                                   { QStringLiteral("engine"), lane.owner.section(QLatin1Char(':'), 0, 1) },
                                   { QStringLiteral("connection_id"), lane.connectionId },
                                   { QStringLiteral("kind"), Store::LaneStatusRepo::kindName(lane.kind) },
                                   { QStringLiteral("state"), gone ? QStringLiteral("gone") : lane.state },
                                   { QStringLiteral("reason"), lane.reason },
                                   { QStringLiteral("sent"), lane.sent },
                                   { QStringLiteral("failed"), lane.failed },
                                   { QStringLiteral("heartbeat_at"), lane.heartbeatAt } });
    }
    return array;
}

/** Source pollers as status --json shows them; silent for a minute is "gone", as for lanes. */
QJsonArray sourcesJson(const QList<Store::SourceStatus> &sources)
{
    QJsonArray array;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const Store::SourceStatus &source : sources) {
        const bool gone = source.state != QLatin1String("stopped") && now - source.heartbeatAt > 60'000;
        array.append(QJsonObject { { QStringLiteral("owner"), source.owner },
                                   { QStringLiteral("source"), source.source },
                                   { QStringLiteral("state"), gone ? QStringLiteral("gone") : source.state },
                                   { QStringLiteral("reason"), source.reason },
                                   { QStringLiteral("appended"), source.appended },
                                   { QStringLiteral("polled_at"), source.polledAt },
                                   { QStringLiteral("heartbeat_at"), source.heartbeatAt } });
    }
    return array;
}

QString withReason(const QJsonObject &object)
{
    const QString reason = object.value(QLatin1String("reason")).toString();
    const QString state = object.value(QLatin1String("state")).toString();
    return reason.isEmpty() ? state : QStringLiteral("%1 (%2)").arg(state, reason);
}

/** Each connection's share of the queue (a shop event has one job per CRM connection), and the jobs
 *  still waiting for a connection to go to. */
void printQueuePerConnection(const std::shared_ptr<Storage::Database> &db)
{
    Store::JobRepo jobs(db);
    auto connections = Store::ConnectionRepo(db).list();
    if (!connections)
        return;
    for (const Store::Connection &c : connections.value()) {
        auto counts = jobs.countsByState(c.id);
        if (!counts)
            continue;
        out(Text::tr("Jobs for %1 (connection %2%3): %4 pending, %5 done, %6 failed")
                .arg(c.name)
                .arg(c.id)
                .arg(c.enabled() ? QString() : Text::tr(", disabled"))
                .arg(counts->value(Store::JobState::Pending))
                .arg(counts->value(Store::JobState::Done))
                .arg(counts->value(Store::JobState::Failed)));
    }
    auto waiting = jobs.countUnaddressed();
    if (waiting && waiting.value() > 0)
        out(Text::tr("Waiting for a CRM connection: %n job(s)", nullptr, int(waiting.value())));
}

/** Which engine holds which connection's lanes (of several engines on one store, one sends for each
 *  connection), as status --json shows them: [{"connection_id", "connection", "engine", "state": held |
 *  expired | free, "since", "heartbeat_at", "silent_ms"}]; times are the database server's. */
QJsonArray leasesJson(const std::shared_ptr<Storage::Database> &db)
{
    QJsonArray array;
    auto leases = Store::LaneLeaseRepo(db).all();
    auto connections = Store::ConnectionRepo(db).list();
    if (!leases || !connections)
        return array;
    for (const Store::Connection &c : connections.value()) {
        Store::LaneLease lease;
        for (const Store::LaneLease &l : leases.value()) {
            if (l.connectionId == c.id)
                lease = l;
        }
        const QString state = lease.holder.isEmpty() ? QStringLiteral("free")
            : lease.held()                           ? QStringLiteral("held")
                                                     : QStringLiteral("expired");
        array.append(QJsonObject { { QStringLiteral("connection_id"), c.id },
                                   { QStringLiteral("connection"), c.name },
                                   { QStringLiteral("engine"), lease.holder },
                                   { QStringLiteral("state"), state },
                                   { QStringLiteral("since"), lease.acquiredAt },
                                   { QStringLiteral("heartbeat_at"), lease.heartbeatAt },
                                   { QStringLiteral("silent_ms"),
                                     lease.holder.isEmpty() ? 0 : lease.serverNow - lease.heartbeatAt } });
    }
    return array;
}

/** One line per connection: which engine holds its lanes. */
void printLeases(const std::shared_ptr<Storage::Database> &db)
{
    for (const QJsonValue &value : leasesJson(db)) {
        const QJsonObject l = value.toObject();
        const QString state = l.value(QLatin1String("state")).toString();
        const QString engine = l.value(QLatin1String("engine")).toString();
        const qint64 silentS = l.value(QLatin1String("silent_ms")).toInteger() / 1000;
        QString text;
        if (state == QLatin1String("held"))
            text = Text::tr("held by engine %1 since %2 (last heartbeat %3 s ago)")
                       .arg(engine,
                            QDateTime::fromMSecsSinceEpoch(l.value(QLatin1String("since")).toInteger(),
                                                           Qt::UTC)
                                .toString(Qt::ISODate))
                       .arg(silentS);
        else if (state == QLatin1String("expired"))
            text = Text::tr("not held: engine %1 has been silent for %2 s (another engine takes over)")
                       .arg(engine)
                       .arg(silentS);
        else
            text = Text::tr("not held by any engine");
        out(Text::tr("Lanes of %1 (connection %2): %3")
                .arg(l.value(QLatin1String("connection")).toString())
                .arg(l.value(QLatin1String("connection_id")).toInteger())
                .arg(text));
    }
}

/** Connections whose CRM credential is about to run out, as status --json shows them (see `connection
 *  list` for every expiry): [{"connection": name, "connection_id": id, "warning": text}]. */
QJsonArray credentialWarningsJson(std::shared_ptr<Storage::Database> db)
{
    QJsonArray array;
    auto connections = Store::ConnectionRepo(db).list();
    if (!connections)
        return array;
    Store::CredentialExpiryRepo expiries(db);
    for (const Store::Connection &c : connections.value()) {
        if (auto expiry = expiries.load(c.id); expiry && !expiry->warning.isEmpty())
            array.append(QJsonObject { { QStringLiteral("connection"), c.name },
                                       { QStringLiteral("connection_id"), c.id },
                                       { QStringLiteral("warning"), expiry->warning } });
    }
    return array;
}

} // namespace

Common::Result<std::shared_ptr<Storage::Database>> openStore(const QString &databaseUrl, bool migrate)
{
    const QString url = databaseUrl.isEmpty()
        ? QStringLiteral("sqlite://") + Storage::Database::defaultSqlitePath()
        : databaseUrl;
    auto db = Storage::Database::open(url);
    if (!db)
        return db.error();
    Storage::Migrator migrator(*db.value());
    if (migrate) {
        auto migrated = migrator.migrate();
        if (!migrated)
            return migrated.error();
    } else {
        auto version = migrator.currentVersion();
        if (!version)
            return version.error();
        if (version.value() != Storage::Migrator::latestVersion()) {
            return Common::Error::permanent(
                Text::tr(
                    "The store is at schema version %1, this build expects %2: run `crmbridgectl migrate`")
                    .arg(version.value())
                    .arg(Storage::Migrator::latestVersion()));
        }
    }
    return db;
}

Command migrateCommand()
{
    return { QStringLiteral("migrate"), Text::tr("Create or upgrade the store's schema"),
             [](const QStringList &args, const QString &databaseUrl) {
                 QCommandLineParser parser;
                 parser.setApplicationDescription(Text::tr("Create or upgrade the store's schema."));
                 if (!parseSubcommand(parser, QStringLiteral("migrate"), args))
                     return parser.isSet(QStringLiteral("help")) ? 0 : 2;
                 auto db = Storage::Database::open(databaseUrl.isEmpty() ? QStringLiteral("sqlite://")
                                                           + Storage::Database::defaultSqlitePath()
                                                                         : databaseUrl);
                 if (!db) {
                     err(QStringLiteral("crmbridgectl: %1").arg(db.error().message));
                     return 1;
                 }
                 Storage::Migrator migrator(*db.value());
                 auto before = migrator.currentVersion();
                 auto after = migrator.migrate();
                 if (!before || !after) {
                     err(QStringLiteral("crmbridgectl: %1")
                             .arg((!before ? before.error() : after.error()).message));
                     return 1;
                 }
                 if (before.value() == after.value())
                     out(Text::tr("The store %1 is up to date (schema version %2).")
                             .arg(db.value()->url().toDisplayString())
                             .arg(after.value()));
                 else
                     out(Text::tr("Migrated %1 from schema version %2 to %3.")
                             .arg(db.value()->url().toDisplayString())
                             .arg(before.value())
                             .arg(after.value()));
                 return 0;
             } };
}

namespace {
/** Jobs whose deal exists and whose follow-ups are left: {"count", "jobs":[{id, reference, state,
 *  deal, pending, progress}]} (the ten newest). */
QJsonObject followUpsJson(Store::JobRepo &jobs)
{
    int total = 0;
    auto waiting = jobs.awaitingFollowUps(10, &total);
    QJsonArray list;
    for (const Store::Job &job : waiting ? waiting.value() : QList<Store::Job>()) {
        list.append(QJsonObject {
            { QStringLiteral("id"), job.id },
            { QStringLiteral("reference"), job.reference },
            { QStringLiteral("state"), Store::jobStateName(job.state) },
            { QStringLiteral("deal"), job.crmId },
            { QStringLiteral("pending"), QJsonArray::fromStringList(job.pendingFollowUps) },
            { QStringLiteral("progress"),
              job.lastError.isEmpty()
                  ? QStringLiteral("deal %1 made, %2 pending").arg(job.crmId, job.pendingFollowUps.join(", "))
                  : job.lastError },
        });
    }
    return QJsonObject { { QStringLiteral("count"), total }, { QStringLiteral("jobs"), list } };
}
} // namespace

Command statusCommand()
{
    return { QStringLiteral("status"), Text::tr("Show job counts by state (--json for machines)"),
             [](const QStringList &args, const QString &databaseUrl) {
                 QCommandLineParser parser;
                 parser.setApplicationDescription(Text::tr("Show the queue: job counts by state."));
                 parser.addOption({ QStringLiteral("json"), Text::tr("Print one JSON object") });
                 if (!parseSubcommand(parser, QStringLiteral("status"), args))
                     return parser.isSet(QStringLiteral("help")) ? 0 : 2;
                 auto db = openStore(databaseUrl, false);
                 if (!db) {
                     err(QStringLiteral("crmbridgectl: %1").arg(db.error().message));
                     return 1;
                 }
                 Store::JobRepo jobs(db.value());
                 auto counts = jobs.countsByState();
                 auto lanes = Store::LaneStatusRepo(db.value()).all();
                 if (!lanes) {
                     err(QStringLiteral("crmbridgectl: %1").arg(lanes.error().message));
                     return 1;
                 }
                 auto sources = Store::SourceStatusRepo(db.value()).all();
                 if (!sources) {
                     err(QStringLiteral("crmbridgectl: %1").arg(sources.error().message));
                     return 1;
                 }
                 if (!counts) {
                     err(QStringLiteral("crmbridgectl: %1").arg(counts.error().message));
                     return 1;
                 }
                 const QList<Store::JobState> shown { Store::JobState::Pending, Store::JobState::Running,
                                                      Store::JobState::Done, Store::JobState::Failed,
                                                      Store::JobState::Cancelled };
                 if (parser.isSet(QStringLiteral("json"))) {
                     QJsonObject object;
                     for (Store::JobState state : shown)
                         object.insert(Store::jobStateName(state), counts->value(state));
                     // Jobs awaiting a check with the CRM count as running for the summary.
                     object.insert(QStringLiteral("running"),
                                   counts->value(Store::JobState::Running)
                                       + counts->value(Store::JobState::Sending));
                     object.insert(QStringLiteral("lanes"), lanesJson(lanes.value()));
                     object.insert(QStringLiteral("leases"), leasesJson(db.value()));
                     object.insert(QStringLiteral("sources"), sourcesJson(sources.value()));
                     object.insert(QStringLiteral("credential_warnings"), credentialWarningsJson(db.value()));
                     object.insert(QStringLiteral("follow_ups"), followUpsJson(jobs));
                     out(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
                 } else {
                     out(Text::tr("Store: %1").arg(db.value()->url().toDisplayString()));
                     for (Store::JobState state : Store::allJobStates())
                         out(QStringLiteral("  %1 %2")
                                 .arg(Store::jobStateName(state), -10)
                                 .arg(counts->value(state)));
                     printQueuePerConnection(db.value());
                     printLeases(db.value());
                     for (const QJsonValue &lane : lanesJson(lanes.value())) {
                         const QJsonObject l = lane.toObject();
                         const bool statusLane = l.value(QLatin1String("kind")).toString()
                             == Store::LaneStatusRepo::kindName(Store::LaneStatus::Kind::Status);
                         out((statusLane
                                  ? Text::tr("Status lane %1 (connection %2): %3, %4 applied, %5 failed")
                                  : Text::tr("Lane %1 (connection %2): %3, %4 sent, %5 failed"))
                                 .arg(l.value(QLatin1String("owner")).toString())
                                 .arg(l.value(QLatin1String("connection_id")).toInteger())
                                 .arg(withReason(l))
                                 .arg(l.value(QLatin1String("sent")).toInteger())
                                 .arg(l.value(QLatin1String("failed")).toInteger()));
                     }
                     for (const QJsonValue &source : sourcesJson(sources.value())) {
                         const QJsonObject s = source.toObject();
                         out(Text::tr("Source %1 (%2): %3, %n event(s) appended", nullptr,
                                      s.value(QLatin1String("appended")).toInt())
                                 .arg(s.value(QLatin1String("source")).toString(),
                                      s.value(QLatin1String("owner")).toString(), withReason(s)));
                     }
                     const QJsonObject followUps = followUpsJson(jobs);
                     if (const int waiting = followUps.value(QLatin1String("count")).toInt(); waiting > 0) {
                         out(Text::tr("Deals made with a step left: %1").arg(waiting));
                         for (const QJsonValue &job : followUps.value(QLatin1String("jobs")).toArray()) {
                             const QJsonObject j = job.toObject();
                             out(Text::tr("  job %1 (%2, %3): %4")
                                     .arg(j.value(QLatin1String("id")).toInteger())
                                     .arg(j.value(QLatin1String("reference")).toString(),
                                          j.value(QLatin1String("state")).toString(),
                                          j.value(QLatin1String("progress")).toString()));
                         }
                     }
                     for (const QJsonValue &warning : credentialWarningsJson(db.value())) {
                         const QJsonObject w = warning.toObject();
                         out(Text::tr("Connection %1: %2")
                                 .arg(w.value(QLatin1String("connection")).toString(),
                                      w.value(QLatin1String("warning")).toString()));
                     }
                 }
                 return 0;
             } };
}

namespace {

/** "12", "12,15", "20-35" (repeatable): the job ids of --job, in order; false on anything else. */
bool parseJobIds(const QStringList &values, QList<qint64> *ids)
{
    for (const QString &value : values) {
        for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QStringList ends = part.trimmed().split(QLatin1Char('-'));
            bool okFrom = false, okTo = false;
            const qint64 from = ends.first().toLongLong(&okFrom);
            const qint64 to = ends.size() == 2 ? ends.last().toLongLong(&okTo) : from;
            if (ends.size() > 2 || !okFrom || (ends.size() == 2 && !okTo) || from <= 0 || to < from
                || to - from >= 100'000)
                return false;
            for (qint64 id = from; id <= to; ++id)
                ids->append(id);
        }
    }
    return !ids->isEmpty();
}

/** A --from / --to value: a local date (yyyy-MM-dd, the whole day) or date and time; 0 when empty.
 *  @p endOfDay: a bare date means the end of that day (for --to). Returns -1 when it is no date. */
qint64 parseWhen(const QString &value, bool endOfDay)
{
    if (value.isEmpty())
        return 0;
    const QDate day = QDate::fromString(value, Qt::ISODate);
    if (day.isValid())
        return QDateTime(endOfDay ? day.addDays(1) : day, QTime(0, 0)).toMSecsSinceEpoch();
    for (const QString &format :
         { QStringLiteral("yyyy-MM-dd HH:mm"), QStringLiteral("yyyy-MM-ddTHH:mm"),
           QStringLiteral("yyyy-MM-dd HH:mm:ss"), QStringLiteral("yyyy-MM-ddTHH:mm:ss") }) {
        const QDateTime at = QDateTime::fromString(value, format);
        if (at.isValid())
            return at.toMSecsSinceEpoch();
    }
    return -1;
}

} // namespace

Command resendCommand()
{
    return {
        QStringLiteral("resend"),
        Text::tr("Put failed jobs back in the queue (--job IDS | --failed [--group FP] [--ids A-B] "
                 "[--from DATE] [--to DATE])"),
        [](const QStringList &args, const QString &databaseUrl) {
            QCommandLineParser parser;
            parser.setApplicationDescription(Text::tr(
                "Resend failed jobs now with the current mapping: some jobs by number, every failed "
                "job,\nor the failures of one cause (the fingerprint `jobs groups` and the Queue page "
                "show),\nof a range of job numbers, or queued in a time range. A job whose deal exists "
                "only\nfinishes what is missing on that deal; a delivered job is never sent again."));
            parser.addOption({ QStringLiteral("job"),
                               Text::tr("Jobs by number: 12, 12,15 or 20-35 (repeatable)"),
                               QStringLiteral("IDS") });
            parser.addOption(
                { QStringLiteral("failed"), Text::tr("Every failed job (narrowed by the options below)") });
            parser.addOption({ QStringLiteral("group"), Text::tr("With --failed: only this cause"),
                               QStringLiteral("FINGERPRINT") });
            parser.addOption({ QStringLiteral("ids"), Text::tr("With --failed: only job numbers A to B"),
                               QStringLiteral("A-B") });
            parser.addOption({ QStringLiteral("from"),
                               Text::tr("With --failed: only jobs queued from this day or time "
                                        "(2026-12-01 or \"2026-12-01 14:00\", local time)"),
                               QStringLiteral("DATE") });
            parser.addOption({ QStringLiteral("to"),
                               Text::tr("With --failed: only jobs queued before the end of this day (or "
                                        "before this time)"),
                               QStringLiteral("DATE") });
            if (!parseSubcommand(parser, QStringLiteral("resend"), args))
                return parser.isSet(QStringLiteral("help")) ? 0 : 2;
            const bool some = parser.isSet(QStringLiteral("job"));
            if (some == parser.isSet(QStringLiteral("failed"))) {
                err(Text::tr("Usage: crmbridgectl resend --job IDS | --failed [--group FINGERPRINT] "
                             "[--ids A-B] [--from DATE] [--to DATE]"));
                return 2;
            }
            QList<qint64> ids;
            if (some && !parseJobIds(parser.values(QStringLiteral("job")), &ids)) {
                err(Text::tr("crmbridgectl: --job takes job numbers: 12, 12,15 or 20-35"));
                return 2;
            }
            Store::JobRepo::FailedFilter filter;
            filter.fingerprint = parser.value(QStringLiteral("group"));
            if (parser.isSet(QStringLiteral("ids"))) {
                QList<qint64> range;
                const QString value = parser.value(QStringLiteral("ids"));
                if (!value.contains(QLatin1Char('-')) || !parseJobIds({ value }, &range)) {
                    err(Text::tr("crmbridgectl: --ids takes a range of job numbers: 20-35"));
                    return 2;
                }
                filter.fromId = range.first();
                filter.toId = range.last();
            }
            filter.fromMs = parseWhen(parser.value(QStringLiteral("from")), false);
            filter.untilMs = parseWhen(parser.value(QStringLiteral("to")), true);
            if (filter.fromMs < 0 || filter.untilMs < 0) {
                err(Text::tr("crmbridgectl: --from and --to take a date (2026-12-01) or a date and time "
                             "(\"2026-12-01 14:00\")"));
                return 2;
            }
            auto db = openStore(databaseUrl, false);
            if (!db) {
                err(QStringLiteral("crmbridgectl: %1").arg(db.error().message));
                return 1;
            }
            Store::JobRepo jobs(db.value());
            QList<qint64> resendable;
            for (qint64 id : std::as_const(ids)) {
                // Resend never touches a delivered job; say why nothing happened.
                auto job = jobs.get(id);
                if (!job) {
                    err(QStringLiteral("crmbridgectl: %1").arg(job.error().message));
                    if (ids.size() == 1)
                        return 1;
                    continue;
                }
                if (job->state != Store::JobState::Failed && job->state != Store::JobState::Pending) {
                    out(Text::tr("Job %1 is %2: not resent%3")
                            .arg(id)
                            .arg(Store::jobStateName(job->state),
                                 job->crmId.isEmpty() ? QString() : Text::tr(" (deal %1)").arg(job->crmId)));
                    continue;
                }
                if (job->dealExists())
                    out(Text::tr("Job %1: deal %2 exists; the resend adds what is missing (%3), no new deal")
                            .arg(id)
                            .arg(job->crmId, job->pendingFollowUps.join(QStringLiteral(", "))));
                resendable << id;
            }
            auto requeued = some ? jobs.resend(resendable) : jobs.resendFailed(filter);
            if (!requeued) {
                err(QStringLiteral("crmbridgectl: %1").arg(requeued.error().message));
                return 1;
            }
            out(Text::tr("%n job(s) requeued", nullptr, requeued.value()));
            return 0;
        }
    };
}

} // namespace Ctl
