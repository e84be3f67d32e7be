// SPDX-License-Identifier: GPL-3.0-or-later
#include "InspectCommands.h"

#include "StoreCommands.h"
#include "store/ConnectionRepo.h"
#include "store/EntityLinkRepo.h"
#include "store/JobRepo.h"
#include "store/OpLogRepo.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace Ctl {

namespace {

int failWith(const Common::Error &error)
{
    err(QStringLiteral("crmbridgectl: %1").arg(error.message));
    return error.kind == Common::ErrorKind::Auth ? 3 : 1;
}

void printJson(const QJsonValue &value)
{
    const QJsonDocument doc
        = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    out(QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed());
}

QString when(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                  : QStringLiteral("-");
}

/** Connection names by id, for listings that store only the id. */
QHash<qint64, QString> connectionNames(const std::shared_ptr<Storage::Database> &db)
{
    QHash<qint64, QString> names;
    if (auto all = Store::ConnectionRepo(db).list())
        for (const Store::Connection &c : all.value())
            names.insert(c.id, c.name);
    return names;
}

/** The CRM record a delivered job made (deal, order, contact…), "" when none is linked. */
QString crmRecordOf(const std::shared_ptr<Storage::Database> &db, const Store::Job &job)
{
    if (!job.connectionId)
        return {};
    const QString sourceKind = job.kind.section(QLatin1Char('.'), 0, 0);
    Store::EntityLinkRepo links(db);
    for (const QString &crmKind : { QStringLiteral("lead"), QStringLiteral("order"),
                                    QStringLiteral("customer"), QStringLiteral("contact") }) {
        auto id = links.crmIdFor(*job.connectionId, sourceKind,
                                 Store::EntityLinkRepo::scopedSourceId(job.source, job.sourceRef), crmKind);
        if (id && id->has_value())
            return QStringLiteral("%1 %2").arg(crmKind, **id);
    }
    return {};
}

QJsonObject jobJson(const Store::Job &job, const QString &connection, const QString &crmRecord)
{
    return QJsonObject {
        { QStringLiteral("id"), job.id },
        { QStringLiteral("kind"), job.kind },
        { QStringLiteral("state"), Store::jobStateName(job.state) },
        { QStringLiteral("connection"), connection },
        { QStringLiteral("source"), job.source },
        { QStringLiteral("source_ref"), job.sourceRef },
        { QStringLiteral("reference"), job.reference },
        { QStringLiteral("customer"), job.customer },
        { QStringLiteral("phone"), job.phone },
        { QStringLiteral("email"), job.email },
        { QStringLiteral("attempts"), job.attempts },
        { QStringLiteral("max_attempts"), job.maxAttempts },
        { QStringLiteral("next_attempt_at"), job.nextAttemptAt },
        { QStringLiteral("error"), job.lastError },
        { QStringLiteral("error_kind"), job.errorKind },
        { QStringLiteral("cause"), job.errorFingerprint },
        { QStringLiteral("crm_record"), crmRecord },
        { QStringLiteral("created_at"), job.createdAt },
        { QStringLiteral("settled_at"), job.settledAt },
    };
}

int listJobs(const QCommandLineParser &parser, const std::shared_ptr<Storage::Database> &db)
{
    Store::JobQuery query;
    for (const QString &name : parser.values(QStringLiteral("state"))) {
        const auto state = Store::jobStateFromName(name);
        if (!state) {
            err(Text::tr(
                    "crmbridgectl: unknown state \"%1\" (pending, running, sending, done, failed, cancelled)")
                    .arg(name));
            return 2;
        }
        query.states << *state;
    }
    if (parser.isSet(QStringLiteral("failed")))
        query.states << Store::JobState::Failed;
    query.text = parser.value(QStringLiteral("search"));
    query.fingerprint = parser.value(QStringLiteral("group"));
    bool numeric = false;
    query.limit = parser.value(QStringLiteral("limit")).toInt(&numeric);
    if (!numeric || query.limit <= 0) {
        err(Text::tr("crmbridgectl: --limit takes a positive number"));
        return 2;
    }
    if (parser.isSet(QStringLiteral("connection"))) {
        auto connection = Store::ConnectionRepo(db).byName(parser.value(QStringLiteral("connection")));
        if (!connection)
            return failWith(connection.error());
        query.connectionId = connection->id;
    }
    Store::JobRepo repo(db);
    auto jobs = repo.search(query);
    if (!jobs)
        return failWith(jobs.error());
    const QHash<qint64, QString> names = connectionNames(db);
    const bool json = parser.isSet(QStringLiteral("json"));
    QJsonArray rows;
    if (!json && !jobs->isEmpty())
        out(QStringLiteral("%1  %2  %3  %4  %5  %6")
                .arg(Text::tr("job"), -7)
                .arg(Text::tr("state"), -9)
                .arg(Text::tr("kind"), -22)
                .arg(Text::tr("connection"), -14)
                .arg(Text::tr("order"), -12)
                .arg(Text::tr("cause or result")));
    for (const Store::Job &job : jobs.value()) {
        const QString connection = job.connectionId ? names.value(*job.connectionId) : QString();
        const QString record = job.state == Store::JobState::Done ? crmRecordOf(db, job) : QString();
        if (json) {
            rows.append(jobJson(job, connection, record));
            continue;
        }
        const QString detail = !job.lastError.isEmpty() ? job.lastError : record;
        out(QStringLiteral("%1  %2  %3  %4  %5  %6")
                .arg(job.id, -7)
                .arg(Store::jobStateName(job.state), -9)
                .arg(job.kind, -22)
                .arg(connection.isEmpty() ? QStringLiteral("-") : connection, -14)
                .arg(job.reference.isEmpty() ? QStringLiteral("-") : job.reference, -12)
                .arg(detail.left(120)));
    }
    if (json) {
        printJson(rows);
        return 0;
    }
    if (jobs->isEmpty())
        out(Text::tr("No job matches."));
    else if (jobs->size() == query.limit)
        out(Text::tr("(the newest %1; --limit shows more)").arg(query.limit));
    return 0;
}

int listGroups(bool json, const std::shared_ptr<Storage::Database> &db)
{
    auto groups = Store::JobRepo(db).failureGroups();
    if (!groups)
        return failWith(groups.error());
    QJsonArray rows;
    for (const Store::FailureGroup &g : groups.value()) {
        if (json) {
            rows.append(QJsonObject { { QStringLiteral("cause"), g.fingerprint },
                                      { QStringLiteral("error_kind"), g.errorKind },
                                      { QStringLiteral("count"), g.count },
                                      { QStringLiteral("sample"), g.sampleError },
                                      { QStringLiteral("last_at"), g.lastAt } });
            continue;
        }
        out(Text::tr("%1 failed, cause %2 (%3), last %4: %5")
                .arg(g.count)
                .arg(g.fingerprint, g.errorKind, when(g.lastAt), g.sampleError.left(160)));
    }
    if (json)
        printJson(rows);
    else if (groups->isEmpty())
        out(Text::tr("No failed jobs."));
    else
        out(Text::tr("Resend one cause with `crmbridgectl resend --failed --group CAUSE`."));
    return 0;
}

int showJob(const QString &idText, bool json, const std::shared_ptr<Storage::Database> &db)
{
    bool numeric = false;
    const qint64 id = idText.toLongLong(&numeric);
    if (!numeric) {
        err(Text::tr("crmbridgectl: jobs show takes a job number"));
        return 2;
    }
    Store::JobRepo repo(db);
    auto job = repo.get(id);
    if (!job)
        return failWith(job.error());
    auto attempts = repo.attempts(id);
    if (!attempts)
        return failWith(attempts.error());
    Store::OpLogFilter filter;
    filter.jobId = id;
    auto calls = Store::OpLogRepo(db).page(filter, std::nullopt, 50);
    if (!calls)
        return failWith(calls.error());
    const QString connection = job->connectionId ? connectionNames(db).value(*job->connectionId) : QString();
    const QString record = crmRecordOf(db, job.value());
    if (json) {
        QJsonObject object = jobJson(job.value(), connection, record);
        object.insert(QStringLiteral("payload"), job->payload);
        QJsonArray tries;
        for (const Store::JobAttempt &a : attempts.value())
            tries.append(QJsonObject { { QStringLiteral("attempt"), a.attempt },
                                       { QStringLiteral("outcome"), a.outcome },
                                       { QStringLiteral("error"), a.error },
                                       { QStringLiteral("http_status"), a.httpStatus },
                                       { QStringLiteral("finished_at"), a.finishedAt } });
        object.insert(QStringLiteral("attempts_log"), tries);
        QJsonArray callRows;
        for (const Store::OpLogEntry &c : calls.value())
            callRows.append(QJsonObject { { QStringLiteral("id"), c.id },
                                          { QStringLiteral("at"), c.atMs },
                                          { QStringLiteral("method"), c.method },
                                          { QStringLiteral("url"), c.url },
                                          { QStringLiteral("status"), c.status } });
        object.insert(QStringLiteral("calls"), callRows);
        printJson(object);
        return 0;
    }
    out(Text::tr("Job %1: %2, %3").arg(job->id).arg(job->kind, Store::jobStateName(job->state)));
    out(Text::tr("  order: %1  customer: %2  phone: %3  e-mail: %4")
            .arg(job->reference, job->customer, job->phone, job->email));
    out(Text::tr("  connection: %1  source: %2 (%3)").arg(connection, job->source, job->sourceRef));
    out(Text::tr("  attempts: %1 of %2, next %3")
            .arg(job->attempts)
            .arg(job->maxAttempts)
            .arg(when(job->nextAttemptAt)));
    if (!record.isEmpty())
        out(Text::tr("  in the CRM: %1").arg(record));
    if (!job->lastError.isEmpty())
        out(Text::tr("  last error (%1, cause %2): %3")
                .arg(job->errorKind, job->errorFingerprint, job->lastError));
    for (const Store::JobAttempt &a : attempts.value())
        out(Text::tr("  try %1 at %2: %3%4")
                .arg(a.attempt)
                .arg(when(a.finishedAt), a.outcome,
                     a.error.isEmpty() ? QString() : QStringLiteral(" — ") + a.error.left(200)));
    for (const Store::OpLogEntry &c : calls.value())
        out(Text::tr("  call %1 at %2: %3 %4 → %5")
                .arg(c.id)
                .arg(when(c.atMs), c.method, c.url)
                .arg(c.status));
    return 0;
}

} // namespace

Command jobsCommand()
{
    return { QStringLiteral("jobs"),
             Text::tr("The queue: list jobs, failures by cause, one job (list|groups|show)"),
             [](const QStringList &args, const QString &databaseUrl) {
                 QCommandLineParser parser;
                 parser.setApplicationDescription(
                     Text::tr("Usage: crmbridgectl jobs list [--failed] [--state S] [--connection NAME] "
                              "[--search TEXT] [--group CAUSE] [--limit N] [--json]\n"
                              "       crmbridgectl jobs groups [--json]\n"
                              "       crmbridgectl jobs show ID [--json]\n\n"
                              "--search finds an order by the number the shop shows, a phone in any form, "
                              "an e-mail or a customer's name."));
                 parser.addOption({ QStringLiteral("state"), Text::tr("Only jobs in this state (repeatable)"),
                                    QStringLiteral("S") });
                 parser.addOption({ QStringLiteral("failed"), Text::tr("Only failed jobs") });
                 parser.addOption({ QStringLiteral("connection"), Text::tr("Only this connection's jobs"),
                                    QStringLiteral("NAME") });
                 parser.addOption({ QStringLiteral("search"), Text::tr("Order number, phone, e-mail or name"),
                                    QStringLiteral("TEXT") });
                 parser.addOption({ QStringLiteral("group"),
                                    Text::tr("Only failures of this cause (see `jobs groups`)"),
                                    QStringLiteral("CAUSE") });
                 parser.addOption({ QStringLiteral("limit"), Text::tr("How many, newest first"),
                                    QStringLiteral("N"), QStringLiteral("50") });
                 parser.addOption({ QStringLiteral("json"), Text::tr("Machine-readable output") });
                 parser.addPositionalArgument(QStringLiteral("action"),
                                              QStringLiteral("list, groups or show"));
                 if (!parseSubcommand(parser, QStringLiteral("jobs"), args))
                     return parser.isSet(QStringLiteral("help")) ? 0 : 2;
                 const QStringList pos = parser.positionalArguments();
                 const QString action = pos.value(0, QStringLiteral("list"));
                 const bool json = parser.isSet(QStringLiteral("json"));
                 if (!(action == QLatin1String("list") && pos.size() <= 1)
                     && !(action == QLatin1String("groups") && pos.size() == 1)
                     && !(action == QLatin1String("show") && pos.size() == 2)) {
                     err(parser.applicationDescription().section(QStringLiteral("\n\n"), 0, 0));
                     return 2;
                 }
                 auto db = openStore(databaseUrl, false);
                 if (!db)
                     return failWith(db.error());
                 if (action == QLatin1String("groups"))
                     return listGroups(json, db.value());
                 if (action == QLatin1String("show"))
                     return showJob(pos.value(1), json, db.value());
                 return listJobs(parser, db.value());
             } };
}

Command logCommand()
{
    return {
        QStringLiteral("log"), Text::tr("The operation log: every API call (search|show)"),
        [](const QStringList &args, const QString &databaseUrl) {
            QCommandLineParser parser;
            parser.setApplicationDescription(Text::tr(
                "Usage: crmbridgectl log search TEXT [--connection NAME] [--errors] [--limit N] [--json]\n"
                "       crmbridgectl log show ID\n\n"
                "TEXT is an order number as the shop shows it, a phone in any form or an e-mail "
                "(found through the key index), else any text of an address or an error."));
            parser.addOption({ QStringLiteral("connection"), Text::tr("Only this connection's calls"),
                               QStringLiteral("NAME") });
            parser.addOption({ QStringLiteral("errors"), Text::tr("Only calls that failed") });
            parser.addOption({ QStringLiteral("limit"), Text::tr("How many, newest first"),
                               QStringLiteral("N"), QStringLiteral("50") });
            parser.addOption({ QStringLiteral("json"), Text::tr("Machine-readable output") });
            parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("search or show"));
            if (!parseSubcommand(parser, QStringLiteral("log"), args))
                return parser.isSet(QStringLiteral("help")) ? 0 : 2;
            const QStringList pos = parser.positionalArguments();
            const QString action = pos.value(0);
            bool numeric = false;
            const int limit = parser.value(QStringLiteral("limit")).toInt(&numeric);
            if ((action != QLatin1String("search") && action != QLatin1String("show")) || pos.size() != 2
                || !numeric || limit <= 0) {
                err(parser.applicationDescription().section(QStringLiteral("\n\n"), 0, 0));
                return 2;
            }
            auto db = openStore(databaseUrl, false);
            if (!db)
                return failWith(db.error());
            Store::OpLogRepo log(db.value());
            const QHash<qint64, QString> names = connectionNames(db.value());
            if (action == QLatin1String("show")) {
                auto entry = log.get(pos.value(1).toLongLong());
                if (!entry)
                    return failWith(entry.error());
                out(Text::tr("Call %1 at %2 (%3 ms), connection %4, job %5")
                        .arg(entry->id)
                        .arg(when(entry->atMs))
                        .arg(entry->durationMs)
                        .arg(entry->connectionId ? names.value(*entry->connectionId) : QStringLiteral("-"),
                             entry->jobId ? QString::number(*entry->jobId) : QStringLiteral("-")));
                out(QStringLiteral("%1 %2 → %3 %4")
                        .arg(entry->method, entry->url)
                        .arg(entry->status)
                        .arg(entry->error));
                out(Text::tr("Request:\n%1\n%2").arg(entry->requestHeaders, entry->requestBody));
                out(Text::tr("Answer:\n%1").arg(entry->responseBody));
                return 0;
            }
            Store::OpLogFilter filter;
            if (parser.isSet(QStringLiteral("connection"))) {
                auto connection
                    = Store::ConnectionRepo(db.value()).byName(parser.value(QStringLiteral("connection")));
                if (!connection)
                    return failWith(connection.error());
                filter.connectionId = connection->id;
            }
            if (parser.isSet(QStringLiteral("errors")))
                filter.statusClass = Store::StatusClass::AnyError;
            // A whole business key is an index lookup; when it finds nothing the text is searched for
            // in addresses and errors, as on the Log page.
            filter.key = pos.value(1);
            auto rows = log.page(filter, std::nullopt, limit);
            if (rows && rows->isEmpty()) {
                filter.text = filter.key;
                filter.key.clear();
                rows = log.page(filter, std::nullopt, limit);
            }
            if (!rows)
                return failWith(rows.error());
            if (parser.isSet(QStringLiteral("json"))) {
                QJsonArray array;
                for (const Store::OpLogEntry &e : rows.value())
                    array.append(QJsonObject {
                        { QStringLiteral("id"), e.id },
                        { QStringLiteral("at"), e.atMs },
                        { QStringLiteral("connection"),
                          e.connectionId ? names.value(*e.connectionId) : QString() },
                        { QStringLiteral("job"), e.jobId ? QJsonValue(*e.jobId) : QJsonValue() },
                        { QStringLiteral("method"), e.method },
                        { QStringLiteral("url"), e.url },
                        { QStringLiteral("status"), e.status },
                        { QStringLiteral("duration_ms"), e.durationMs },
                        { QStringLiteral("error"), e.error },
                        { QStringLiteral("keys"), e.keys } });
                printJson(array);
                return 0;
            }
            if (rows->isEmpty()) {
                out(Text::tr("No call matches \"%1\".").arg(pos.value(1)));
                return 0;
            }
            for (const Store::OpLogEntry &e : rows.value())
                out(QStringLiteral("%1  %2  %3 %4 → %5%6%7")
                        .arg(e.id, -7)
                        .arg(when(e.atMs), e.method, e.url)
                        .arg(e.status)
                        .arg(e.jobId ? Text::tr("  job %1").arg(*e.jobId) : QString(),
                             e.error.isEmpty() ? QString() : QStringLiteral("  ") + e.error.left(120)));
            return 0;
        }
    };
}

} // namespace Ctl
