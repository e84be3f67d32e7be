// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditCommands.h"

#include "StoreCommands.h"
#include "mapping/MappingRepo.h"
#include "store/AuditRepo.h"
#include "store/ConnectionRepo.h"
#include "store/MappingHistory.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace Ctl {

namespace {

int failWith(const Common::Error &error)
{
    err(QStringLiteral("crmbridgectl: %1").arg(error.message));
    return 1;
}

QString when(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString who(const Store::AuditActor &actor)
{
    return QStringLiteral("%1@%2 (%3)").arg(actor.user, actor.host, actor.tool);
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

const QString kHistoryUsage
    = QStringLiteral("Usage: crmbridgectl mapping history CONNECTION\n"
                     "       crmbridgectl mapping diff CONNECTION [FROM] TO   (FROM: the version before TO)\n"
                     "       crmbridgectl mapping rollback CONNECTION VERSION");

} // namespace

Command auditCommand()
{
    return { QStringLiteral("audit"), Text::tr("Who changed what and when: the operators' actions"),
             [](const QStringList &args, const QString &databaseUrl) {
                 QCommandLineParser parser;
                 parser.setApplicationDescription(Text::tr(
                     "Every operator action on the store, newest first: mappings saved and rolled back, jobs "
                     "resent and cancelled,\nconnections and sources added, changed, switched and removed, "
                     "sign-ins, settings and hooks,\nwith the time, the OS user and host, and the tool."));
                 parser.addOption({ QStringLiteral("action"),
                                    Text::tr("Only these actions (a prefix: mapping, jobs, connection…)"),
                                    QStringLiteral("PREFIX") });
                 parser.addOption({ QStringLiteral("subject"),
                                    Text::tr("Only actions on this connection, source or setting"),
                                    QStringLiteral("NAME") });
                 parser.addOption({ QStringLiteral("since"), Text::tr("Only the last DAYS days"),
                                    QStringLiteral("DAYS") });
                 parser.addOption({ QStringLiteral("limit"), Text::tr("How many, newest first"),
                                    QStringLiteral("N"), QStringLiteral("100") });
                 parser.addOption({ QStringLiteral("json"), Text::tr("Machine-readable output") });
                 if (!parseSubcommand(parser, QStringLiteral("audit"), args))
                     return parser.isSet(QStringLiteral("help")) ? 0 : 2;
                 Store::AuditFilter filter;
                 filter.actionPrefix = parser.value(QStringLiteral("action"));
                 filter.subject = parser.value(QStringLiteral("subject"));
                 bool ok = true;
                 filter.limit = parser.value(QStringLiteral("limit")).toInt(&ok);
                 if (parser.isSet(QStringLiteral("since")) && ok) {
                     const int days = parser.value(QStringLiteral("since")).toInt(&ok);
                     filter.sinceMs = QDateTime::currentMSecsSinceEpoch() - qint64(days) * 86'400'000;
                 }
                 if (!ok || filter.limit <= 0) {
                     err(Text::tr("crmbridgectl: --limit and --since take positive numbers"));
                     return 2;
                 }
                 auto db = openStore(databaseUrl, false);
                 if (!db)
                     return failWith(db.error());
                 auto entries = Store::AuditRepo(db.value()).list(filter);
                 if (!entries)
                     return failWith(entries.error());
                 if (parser.isSet(QStringLiteral("json"))) {
                     QJsonArray rows;
                     for (const Store::AuditEntry &e : entries.value())
                         rows.append(QJsonObject { { QStringLiteral("id"), e.id },
                                                   { QStringLiteral("at"), e.atMs },
                                                   { QStringLiteral("user"), e.actor.user },
                                                   { QStringLiteral("host"), e.actor.host },
                                                   { QStringLiteral("tool"), e.actor.tool },
                                                   { QStringLiteral("action"), e.action },
                                                   { QStringLiteral("subject"), e.subject },
                                                   { QStringLiteral("details"), e.details } });
                     out(QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Indented)).trimmed());
                     return 0;
                 }
                 if (entries->isEmpty())
                     out(Text::tr("Nothing recorded."));
                 for (const Store::AuditEntry &e : entries.value())
                     out(QStringLiteral("%1  %2  %3  %4  %5")
                             .arg(when(e.atMs), who(e.actor), e.action, e.subject, compact(e.details)));
                 return 0;
             } };
}

bool isMappingHistoryAction(const QString &action)
{
    return action == QLatin1String("history") || action == QLatin1String("diff")
        || action == QLatin1String("rollback");
}

int runMappingHistory(const QStringList &positional, const QString &databaseUrl)
{
    const QString action = positional.value(0);
    const bool valid = (action == QLatin1String("history") && positional.size() == 2)
        || (action == QLatin1String("diff") && (positional.size() == 3 || positional.size() == 4))
        || (action == QLatin1String("rollback") && positional.size() == 3);
    if (!valid) {
        err(kHistoryUsage);
        return 2;
    }
    auto db = openStore(databaseUrl, false);
    if (!db)
        return failWith(db.error());
    auto connection = Store::ConnectionRepo(db.value()).byName(positional.value(1));
    if (!connection)
        return failWith(connection.error());
    Store::MappingHistory history(db.value());
    auto versions = history.versions(connection->id, 1000);
    if (!versions)
        return failWith(versions.error());
    if (action == QLatin1String("history")) {
        if (versions->isEmpty())
            out(Text::tr("The mapping of \"%1\" was never saved.").arg(connection->name));
        for (const Store::MappingVersion &v : versions.value())
            out(Text::tr("version %1  %2  %3%4")
                    .arg(v.id)
                    .arg(when(v.savedAt), who(v.actor),
                         v.note.isEmpty() ? QString() : QStringLiteral("  ") + v.note));
        return 0;
    }
    auto numberAt = [&positional](int i, qint64 *id) {
        bool ok = false;
        *id = positional.value(i).toLongLong(&ok);
        return ok;
    };
    if (action == QLatin1String("rollback")) {
        qint64 id = 0;
        if (!numberAt(2, &id)) {
            err(kHistoryUsage);
            return 2;
        }
        if (auto rolled = Mapping::MappingRepo(db.value()).rollback(connection->id, id); !rolled)
            return failWith(rolled.error());
        out(Text::tr(
                "The mapping of \"%1\" is version %2 again; running engines use it from their next round.")
                .arg(connection->name)
                .arg(id));
        return 0;
    }
    qint64 to = 0, from = 0;
    const bool two = positional.size() == 4;
    if (!numberAt(two ? 3 : 2, &to) || (two && !numberAt(2, &from))) {
        err(kHistoryUsage);
        return 2;
    }
    if (!two) {
        // The version saved just before TO.
        for (const Store::MappingVersion &v : versions.value())
            if (v.id < to && v.id > from)
                from = v.id;
    }
    auto after = history.version(to);
    if (!after)
        return failWith(after.error());
    QJsonObject beforeBody;
    if (from > 0) {
        auto before = history.version(from);
        if (!before)
            return failWith(before.error());
        beforeBody = before->body;
    }
    const QStringList lines = Store::MappingHistory::diff(beforeBody, after->body);
    out(Text::tr("From version %1 to %2 of \"%3\": %n change(s)", nullptr, int(lines.size()))
            .arg(from > 0 ? QString::number(from) : Text::tr("(none)"))
            .arg(to)
            .arg(connection->name));
    for (const QString &line : lines)
        out(QStringLiteral("  ") + line);
    return 0;
}

} // namespace Ctl
