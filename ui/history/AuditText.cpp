// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditText.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Gui {

namespace {
/** A platform's or CRM's own spelling: "minishop2" → "miniShop2", "amocrm" → "amoCRM". */
QString productName(const QString &kind)
{
    static const QHash<QString, QString> names {
        { QStringLiteral("amocrm"), QStringLiteral("amoCRM") },
        { QStringLiteral("retailcrm"), QStringLiteral("RetailCRM") },
        { QStringLiteral("minishop2"), QStringLiteral("miniShop2") },
        { QStringLiteral("bitrix"), QStringLiteral("1C-Bitrix") },
        { QStringLiteral("moysklad"), QStringLiteral("MoySklad") },
    };
    return names.value(kind, kind);
}
} // namespace

QString AuditText::field(const QString &key)
{
    static const QHash<QString, const char *> names {
        { QStringLiteral("name"), QT_TR_NOOP("name") },
        { QStringLiteral("base_url"), QT_TR_NOOP("address") },
        { QStringLiteral("crm"), QT_TR_NOOP("CRM") },
        { QStringLiteral("kind"), QT_TR_NOOP("platform") },
        { QStringLiteral("site"), QT_TR_NOOP("site") },
        { QStringLiteral("phase"), QT_TR_NOOP("when") },
        { QStringLiteral("command"), QT_TR_NOOP("command") },
        { QStringLiteral("timeout_ms"), QT_TR_NOOP("time limit, ms") },
        { QStringLiteral("rate_limit"), QT_TR_NOOP("requests per second") },
    };
    const char *name = names.value(key);
    return name ? tr(name) : key;
}

QString AuditText::value(const QJsonValue &value)
{
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        if (o.contains(QLatin1String("from")) || o.contains(QLatin1String("to")))
            return tr("“%1” → “%2”")
                .arg(AuditText::value(o.value(QLatin1String("from"))),
                     AuditText::value(o.value(QLatin1String("to"))));
        return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    }
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isBool())
        return value.toBool() ? tr("yes") : tr("no");
    const QString text = value.toVariant().toString();
    return text.isEmpty() ? tr("not set") : text;
}

QString AuditText::action(const QString &action)
{
    static const QHash<QString, const char *> names {
        { QStringLiteral("mapping.saved"), QT_TR_NOOP("Mapping saved") },
        { QStringLiteral("mapping.rolled_back"), QT_TR_NOOP("Mapping rolled back") },
        { QStringLiteral("jobs.resent"), QT_TR_NOOP("Jobs resent") },
        { QStringLiteral("jobs.cancelled"), QT_TR_NOOP("Jobs cancelled") },
        { QStringLiteral("connection.added"), QT_TR_NOOP("Connection added") },
        { QStringLiteral("connection.changed"), QT_TR_NOOP("Connection changed") },
        { QStringLiteral("connection.switched"), QT_TR_NOOP("Connection switched on or off") },
        { QStringLiteral("connection.signed_in"), QT_TR_NOOP("Signed in") },
        { QStringLiteral("connection.removed"), QT_TR_NOOP("Connection removed") },
        { QStringLiteral("source.added"), QT_TR_NOOP("Shop added") },
        { QStringLiteral("source.removed"), QT_TR_NOOP("Shop removed") },
        { QStringLiteral("settings.changed"), QT_TR_NOOP("Setting changed") },
        { QStringLiteral("hook.set"), QT_TR_NOOP("Hook set") },
        { QStringLiteral("hook.removed"), QT_TR_NOOP("Hook removed") },
    };
    const char *name = names.value(action);
    return name ? tr(name) : action;
}

QString AuditText::tool(const QString &tool)
{
    if (tool == QLatin1String("console"))
        return tr("console");
    if (tool == QLatin1String("engine"))
        return tr("engine");
    return tool;
}

QString AuditText::details(const Store::AuditEntry &entry)
{
    const QJsonObject d = entry.details;
    if (entry.action.startsWith(QLatin1String("mapping."))) {
        QString text = tr("version %1").arg(d.value(QLatin1String("version")).toInteger());
        if (d.contains(QLatin1String("changes")))
            text += QStringLiteral(", ")
                + tr("%n change(s)", nullptr, d.value(QLatin1String("changes")).toInt());
        return text;
    }
    if (entry.action == QLatin1String("connection.switched"))
        return d.value(QLatin1String("enabled")).toBool() ? tr("switched on") : tr("switched off");
    if (entry.action == QLatin1String("connection.removed"))
        return tr("%n queued job(s) cancelled", nullptr, d.value(QLatin1String("jobs_cancelled")).toInt());
    if (entry.action.startsWith(QLatin1String("jobs.")))
        return tr("%n job(s)", nullptr, d.value(QLatin1String("count")).toInt())
            + (d.value(QLatin1String("filter")).toString().isEmpty()
                   ? QString()
                   : QStringLiteral(", ") + d.value(QLatin1String("filter")).toString());
    if (entry.action == QLatin1String("settings.changed"))
        return value(d);
    if (entry.action == QLatin1String("connection.added"))
        return tr("%1 at %2")
            .arg(productName(d.value(QLatin1String("crm")).toString()),
                 d.value(QLatin1String("base_url")).toString());
    if (entry.action == QLatin1String("source.added"))
        return productName(d.value(QLatin1String("kind")).toString());
    QStringList parts;
    for (auto it = d.begin(); it != d.end(); ++it)
        parts << field(it.key()) + QStringLiteral(": ") + value(it.value());
    return parts.join(QStringLiteral("; "));
}

QList<std::pair<QString, QString>> AuditText::filters()
{
    return { { QString(), tr("Every action") },
             { QStringLiteral("mapping"), tr("Mappings") },
             { QStringLiteral("jobs"), tr("Resends and cancels") },
             { QStringLiteral("connection"), tr("Connections") },
             { QStringLiteral("source"), tr("Shops") },
             { QStringLiteral("settings"), tr("Settings") },
             { QStringLiteral("hook"), tr("Hooks") } };
}

} // namespace Gui
