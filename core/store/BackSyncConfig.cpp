// SPDX-License-Identifier: GPL-3.0-or-later
#include "BackSyncConfig.h"

#include "common/SecretHash.h"

namespace Store {

namespace {
const QString kKey = QStringLiteral("backsync");
}

QString BackSyncConfig::modeName(Mode mode)
{
    switch (mode) {
    case Mode::Off:
        return QStringLiteral("off");
    case Mode::Webhook:
        return QStringLiteral("webhook");
    case Mode::Polling:
        return QStringLiteral("poll");
    }
    return {};
}

BackSyncConfig BackSyncConfig::of(const Connection &connection)
{
    const QJsonObject o = connection.config.value(kKey).toObject();
    BackSyncConfig config;
    const QString mode = o.value(QLatin1String("mode")).toString();
    if (mode == modeName(Mode::Webhook))
        config.mode = Mode::Webhook;
    else if (mode == modeName(Mode::Polling))
        config.mode = Mode::Polling;
    config.publicUrl = o.value(QLatin1String("url")).toString();
    config.pollMs = qint64(o.value(QLatin1String("poll_seconds")).toDouble(30) * 1000);
    config.pollMs = std::max<qint64>(config.pollMs, 100);
    config.accountId = o.value(QLatin1String("account_id")).toString();
    config.subdomain = o.value(QLatin1String("subdomain")).toString();
    config.hookSalt = o.value(QLatin1String("hook_salt")).toString();
    config.hookHash = o.value(QLatin1String("hook_hash")).toString();
    return config;
}

void BackSyncConfig::applyTo(Connection &connection) const
{
    QJsonObject o { { QStringLiteral("mode"), modeName(mode) },
                    { QStringLiteral("poll_seconds"), double(pollMs) / 1000 } };
    const std::pair<const char *, QString> texts[] = { { "url", publicUrl },
                                                       { "account_id", accountId },
                                                       { "subdomain", subdomain },
                                                       { "hook_salt", hookSalt },
                                                       { "hook_hash", hookHash } };
    for (const auto &[key, value] : texts) {
        if (!value.isEmpty())
            o.insert(QLatin1String(key), value);
    }
    connection.config.insert(kKey, o);
}

QString BackSyncConfig::hookPath(const QString &crm, const QString &secret)
{
    return QStringLiteral("/hooks/%1/%2").arg(crm, secret);
}

QString BackSyncConfig::newHookSecret()
{
    Common::SecretHash::KeptSecret kept;
    const QString secret = kept.renew();
    hookSalt = kept.salt;
    hookHash = kept.hash;
    return secret;
}

bool BackSyncConfig::acceptsHookSecret(const QByteArray &secret) const
{
    const bool accepted = Common::SecretHash::KeptSecret { hookSalt, hookHash }.accepts(secret);
    return mode == Mode::Webhook && accepted;
}

} // namespace Store
