// SPDX-License-Identifier: GPL-3.0-or-later
#include "HookConfig.h"

#include "store/AuditRepo.h"
#include "store/SettingsRepo.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace Engine {

using Common::Error;

namespace {
const QString kPrefix = QStringLiteral("hook.");
} // namespace

QString hookPhaseName(HookPhase phase)
{
    return phase == HookPhase::BeforeSend ? QStringLiteral("before") : QStringLiteral("after");
}

std::optional<HookPhase> hookPhaseFromName(const QString &name)
{
    if (name == QLatin1String("before") || name == QLatin1String("before-send"))
        return HookPhase::BeforeSend;
    if (name == QLatin1String("after") || name == QLatin1String("after-send"))
        return HookPhase::AfterSend;
    return std::nullopt;
}

QString HookConfig::settingKey(const QString &event, HookPhase phase)
{
    return kPrefix + event + QLatin1Char('.') + hookPhaseName(phase);
}

Common::Result<QList<HookSpec>> HookConfig::list(std::shared_ptr<Storage::Database> db)
{
    auto all = Store::SettingsRepo(std::move(db)).all();
    if (!all)
        return all.error();
    QList<HookSpec> hooks;
    for (auto it = all->cbegin(); it != all->cend(); ++it) {
        if (!it.key().startsWith(kPrefix))
            continue;
        const QString rest = it.key().mid(kPrefix.size());
        const auto phase = hookPhaseFromName(rest.section(QLatin1Char('.'), -1));
        const QJsonObject value = QJsonDocument::fromJson(it.value().toUtf8()).object();
        if (!phase || value.value("path").toString().isEmpty())
            continue;
        HookSpec spec;
        spec.event = rest.section(QLatin1Char('.'), 0, -2);
        spec.phase = *phase;
        spec.path = value.value("path").toString();
        spec.timeoutMs = value.value("timeout_ms").toInt(HookSpec::kDefaultTimeoutMs);
        hooks.append(spec);
    }
    return hooks;
}

const QStringList &HookConfig::hookedEvents()
{
    // The jobs that become a deal or a lead: LaneWorker runs the before-send hooks on their drafts
    // and the after-send hooks on their outcomes. Status moves and updates carry no draft to hook.
    static const QStringList events { QStringLiteral("order.created"), QStringLiteral("form.submitted") };
    return events;
}

Common::Status HookConfig::set(std::shared_ptr<Storage::Database> db, const HookSpec &spec)
{
    // A hook on an event whose jobs never run hooks would be stored and silently never called.
    if (!hookedEvents().contains(spec.event))
        return Error::invalidInput(QStringLiteral("Hooks run for %1 only; \"%2\" has none")
                                       .arg(hookedEvents().join(QLatin1String(", ")), spec.event),
                                   QStringLiteral("hook-event"));
    const QFileInfo file(spec.path);
    if (!file.isAbsolute() || !file.isFile() || !file.isExecutable())
        return Error::invalidInput(
            QStringLiteral("%1 is not an executable file (give an absolute path)").arg(spec.path),
            QStringLiteral("hook-path"));
    if (spec.timeoutMs <= 0)
        return Error::invalidInput(QStringLiteral("The timeout must be a positive number of milliseconds"),
                                   QStringLiteral("hook-timeout"));
    const QJsonObject value { { "path", spec.path }, { "timeout_ms", spec.timeoutMs } };
    if (auto saved = Store::SettingsRepo(db).setValue(
            settingKey(spec.event, spec.phase),
            QString::fromUtf8(QJsonDocument(value).toJson(QJsonDocument::Compact)));
        !saved)
        return saved;
    QJsonObject details = value;
    details.insert(QStringLiteral("phase"), hookPhaseName(spec.phase));
    if (auto recorded
        = Store::AuditRepo(std::move(db)).record(QStringLiteral("hook.set"), spec.event, details);
        !recorded)
        return recorded.error();
    return {};
}

Common::Status HookConfig::remove(std::shared_ptr<Storage::Database> db, const QString &event,
                                  HookPhase phase)
{
    if (auto removed = Store::SettingsRepo(db).remove(settingKey(event, phase)); !removed)
        return removed;
    if (auto recorded = Store::AuditRepo(std::move(db))
                            .record(QStringLiteral("hook.removed"), event,
                                    { { QStringLiteral("phase"), hookPhaseName(phase) } });
        !recorded)
        return recorded.error();
    return {};
}

} // namespace Engine
