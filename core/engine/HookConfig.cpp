// SPDX-License-Identifier: GPL-3.0-or-later
#include "HookConfig.h"

#include "model/ShopEvent.h"
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

Common::Status HookConfig::set(std::shared_ptr<Storage::Database> db, const HookSpec &spec)
{
    Model::ShopEvent::Kind kind;
    if (!Model::ShopEvent::kindFromName(spec.event, &kind))
        return Error::invalidInput(QStringLiteral("Unknown event \"%1\"").arg(spec.event),
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
    return Store::SettingsRepo(std::move(db))
        .setValue(settingKey(spec.event, spec.phase),
                  QString::fromUtf8(QJsonDocument(value).toJson(QJsonDocument::Compact)));
}

Common::Status HookConfig::remove(std::shared_ptr<Storage::Database> db, const QString &event,
                                  HookPhase phase)
{
    return Store::SettingsRepo(std::move(db)).remove(settingKey(event, phase));
}

} // namespace Engine
