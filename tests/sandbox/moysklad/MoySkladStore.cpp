// SPDX-License-Identifier: GPL-3.0-or-later
#include "MoySkladStore.h"

#include "MoySkladSeed.h"
#include "common/SandboxClock.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUuid>

namespace Sandbox::MoySklad {

namespace {
constexpr int kMoscowOffsetSecs = 3 * 3600;
}

MoySkladStore::MoySkladStore(const MoySkladSandboxOptions &options, SandboxClock &clock)
    : options(options)
    , clock(clock)
{
    budget.budget = options.budget;
    budget.windowMs = options.windowMs;
    budget.weight = options.weight;
}

void MoySkladStore::reset(const QString &profile)
{
    m_entities.clear();
    m_tokens.clear();
    m_changes.clear();
    counters.reset();
    budget.reset();
    nextDocumentNumber = 1;
    MoySkladSeed::fill(*this, profile);
    m_changes.clear();
}

QStringList MoySkladStore::types()
{
    return { "counterparty", "product", "productfolder", "retaildemand", "customerorder", "bonustransaction",
             "bonusprogram", "webhook", "organization",  "store",        "retailstore" };
}

bool MoySkladStore::isDocument(const QString &type)
{
    return type == QLatin1String("retaildemand") || type == QLatin1String("customerorder");
}

QString MoySkladStore::now() const
{
    return moscowTime(clock.nowMs());
}

QString MoySkladStore::moscowTime(qint64 msSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::OffsetFromUTC, kMoscowOffsetSecs)
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

QString MoySkladStore::normalizeTime(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(^(\d{4}-\d{2}-\d{2} \d{2}:\d{2})(:\d{2})?(\.\d{1,3})?$)"));
    const auto m = pattern.match(text.trimmed());
    if (!m.hasMatch())
        return {};
    QString ms = m.captured(3).mid(1);
    while (ms.size() < 3)
        ms += '0';
    const QString out
        = m.captured(1) + (m.captured(2).isEmpty() ? QStringLiteral(":00") : m.captured(2)) + '.' + ms;
    const QDateTime check = QDateTime::fromString(out, QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    return check.isValid() ? out : QString();
}

QString MoySkladStore::href(const QString &type, const QString &id) const
{
    return m_apiUrl + QStringLiteral("/entity/") + type + '/' + id;
}

QJsonObject MoySkladStore::meta(const QString &type, const QString &id) const
{
    return QJsonObject {
        { "href", href(type, id) },
        { "metadataHref", m_apiUrl + QStringLiteral("/entity/") + type + QStringLiteral("/metadata") },
        { "type", type },
        { "mediaType", "application/json" },
        { "uuidHref", QStringLiteral("https://online.moysklad.ru/app/#%1/edit?id=%2").arg(type, id) }
    };
}

bool MoySkladStore::parseHref(const QString &href, QString *type, QString *id) const
{
    const QString prefix = m_apiUrl + QStringLiteral("/entity/");
    if (!href.startsWith(prefix))
        return false;
    const QStringList parts = href.mid(prefix.size()).split('/');
    if (parts.size() != 2 || !types().contains(parts[0]))
        return false;
    *type = parts[0];
    *id = parts[1];
    return true;
}

QJsonObject *MoySkladStore::find(const QString &type, const QString &id)
{
    auto it = m_entities.find(type);
    if (it == m_entities.end())
        return nullptr;
    for (QJsonObject &row : *it) {
        if (row.value("id").toString() == id)
            return &row;
    }
    return nullptr;
}

const QJsonObject *MoySkladStore::find(const QString &type, const QString &id) const
{
    return const_cast<MoySkladStore *>(this)->find(type, id);
}

const QJsonObject *MoySkladStore::resolve(const QJsonValue &linkValue, QString *type) const
{
    QString t, id;
    if (!parseHref(linkValue.toObject().value("meta").toObject().value("href").toString(), &t, &id))
        return nullptr;
    if (type)
        *type = t;
    return find(t, id);
}

QString MoySkladStore::newId() const
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString MoySkladStore::issueToken(const QString &login)
{
    for (auto it = m_tokens.begin(); it != m_tokens.end();) {
        if (it.value() == login)
            it = m_tokens.erase(it);
        else
            ++it;
    }
    QByteArray raw(20, Qt::Uninitialized);
    for (char &c : raw)
        c = char(QRandomGenerator::global()->bounded(256));
    const QString token = QString::fromLatin1(raw.toHex());
    m_tokens.insert(token, login);
    return token;
}

QString MoySkladStore::loginOfToken(const QString &token) const
{
    return m_tokens.value(token);
}

bool MoySkladStore::checkPassword(const QString &login, const QString &password) const
{
    return login == options.login && password == options.password;
}

} // namespace Sandbox::MoySklad
