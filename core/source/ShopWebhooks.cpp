// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShopWebhooks.h"

#include <QJsonArray>
#include <QUrl>

namespace Source {

namespace {
const QString kKey = QStringLiteral("webhooks");

QString trimmedUrl(QString url)
{
    while (url.endsWith('/'))
        url.chop(1);
    return url;
}
} // namespace

ShopWebhooks ShopWebhooks::of(const SourceRecord &record)
{
    const QJsonObject o = record.config.value(kKey).toObject();
    ShopWebhooks hooks;
    hooks.publicUrl = o.value(QLatin1String("url")).toString();
    hooks.secret.salt = o.value(QLatin1String("hook_salt")).toString();
    hooks.secret.hash = o.value(QLatin1String("hook_hash")).toString();
    for (const QJsonValue &id : o.value(QLatin1String("hook_ids")).toArray())
        hooks.hookIds << id.toString();
    return hooks;
}

void ShopWebhooks::applyTo(SourceRecord &record) const
{
    if (!isOn() && hookIds.isEmpty()) {
        record.config.remove(kKey);
        return;
    }
    record.config.insert(kKey,
                         QJsonObject { { "url", trimmedUrl(publicUrl) },
                                       { "hook_salt", secret.salt },
                                       { "hook_hash", secret.hash },
                                       { "hook_ids", QJsonArray::fromStringList(hookIds) } });
}

QString ShopWebhooks::hookPath(const QString &source, const QString &secret)
{
    return QStringLiteral("/shops/%1/%2").arg(QString::fromLatin1(QUrl::toPercentEncoding(source)), secret);
}

QString ShopWebhooks::hookUrl(const QString &source, const QString &secretText) const
{
    return trimmedUrl(publicUrl) + hookPath(source, secretText);
}

QString ShopWebhooks::ownWritesPrefix(const QString &source) const
{
    return trimmedUrl(publicUrl) + hookPath(source, QString());
}

Common::Result<ShopWebhooks> ShopWebhooks::switchTo(const QString &publicUrl, SourceRecord record,
                                                    ShopSource &source, SourceRepo &repo)
{
    const QUrl url(publicUrl);
    if (!publicUrl.isEmpty()
        && (!url.isValid()
            || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))
            || url.host().isEmpty() || !url.userInfo().isEmpty() || url.hasQuery()))
        return Common::Error::invalidInput(
            QStringLiteral("\"%1\" is not a public address like https://bridge.example.ru").arg(publicUrl),
            QStringLiteral("webhook-url"));
    ShopWebhooks hooks = of(record);
    if (auto removed = source.unsubscribe(hooks.hookIds); !removed)
        return removed.error();
    hooks = ShopWebhooks {};
    if (!publicUrl.isEmpty()) {
        hooks.publicUrl = trimmedUrl(publicUrl);
        const QString secretText = hooks.secret.renew();
        auto ids = source.subscribe(hooks.hookUrl(record.name, secretText));
        if (!ids) {
            // The old webhooks are gone already: the record must not keep their ids.
            ShopWebhooks {}.applyTo(record);
            (void)repo.update(record);
            return ids.error();
        }
        hooks.hookIds = ids.value();
    }
    hooks.applyTo(record);
    if (auto saved = repo.update(record); !saved) {
        (void)source.unsubscribe(hooks.hookIds);
        return saved.error();
    }
    return hooks;
}

} // namespace Source
