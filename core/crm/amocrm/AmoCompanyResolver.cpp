// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoCompanyResolver.h"

#include "AmoCodec.h"
#include "AmoTokens.h"
#include "store/EntityLinkRepo.h"

#include <QRegularExpression>
#include <QUrlQuery>

namespace Crm::AmoCrm {

using Common::Result;

namespace {
const QString kKind = QStringLiteral("company");

bool isInnField(const DraftField &field)
{
    const QString name = field.fieldName.trimmed();
    const QString source = field.sourcePath.section(QLatin1Char('.'), -1);
    return name.compare(QStringLiteral("ИНН"), Qt::CaseInsensitive) == 0
        || name.compare(QLatin1String("INN"), Qt::CaseInsensitive) == 0
        || source.compare(QLatin1String("INN"), Qt::CaseInsensitive) == 0;
}

QString digitsOf(const QString &text)
{
    QString digits;
    for (QChar c : text) {
        if (c.isDigit())
            digits += c;
    }
    return digits;
}

QString valueText(const QJsonValue &value)
{
    return value.isDouble() ? QString::number(value.toDouble(), 'f', 0) : value.toString();
}
} // namespace

struct AmoCompanyResolver::Batch
{
    QStringList keys; ///< in the caller's order, each once
    QHash<QString, DraftCompany> companies;
    QStringList open; ///< keys not found yet
    Resolved resolved;
    std::function<void(Resolved)> done;
};

AmoCompanyResolver::AmoCompanyResolver(AmoApiClient &api, std::shared_ptr<Storage::Database> db,
                                       qint64 connectionId)
    : m_api(api)
    , m_db(std::move(db))
    , m_connectionId(connectionId)
{ }

QString AmoCompanyResolver::innOf(const DraftCompany &company)
{
    for (const DraftField &field : company.fields) {
        if (!isInnField(field) || field.values.isEmpty())
            continue;
        const FieldValue &v = field.values.first();
        const QString digits
            = digitsOf(v.kind == FieldValue::Kind::Number ? QString::number(v.number, 'f', 0) : v.text);
        if (digits.size() == 10 || digits.size() == 12)
            return digits;
    }
    return {};
}

QString AmoCompanyResolver::normalisedName(const QString &name)
{
    static const QRegularExpression s_quotes(QStringLiteral("[\"'«»„“”‘’`]"));
    QString text = name;
    text.replace(s_quotes, QStringLiteral(" "));
    return text.simplified().toCaseFolded();
}

QString AmoCompanyResolver::keyOf(const DraftCompany &company)
{
    if (company.name.trimmed().isEmpty())
        return {};
    const QString inn = innOf(company);
    return inn.isEmpty() ? QStringLiteral("name:") + normalisedName(company.name)
                         : QStringLiteral("inn:") + inn;
}

void AmoCompanyResolver::resolve(const QList<DraftCompany> &companies, std::function<void(Resolved)> done)
{
    auto batch = std::make_shared<Batch>();
    batch->done = std::move(done);
    for (const DraftCompany &company : companies) {
        const QString key = keyOf(company);
        if (key.isEmpty() || batch->companies.contains(key))
            continue;
        batch->keys << key;
        batch->companies.insert(key, company);
    }
    if (batch->keys.isEmpty()) {
        batch->done({});
        return;
    }
    checkStored(batch);
}

void AmoCompanyResolver::checkStored(std::shared_ptr<Batch> batch)
{
    Store::EntityLinkRepo links(m_db);
    QHash<QString, QString> stored; // company id → key
    for (const QString &key : std::as_const(batch->keys)) {
        auto id = links.crmIdFor(m_connectionId, kKind, key, kKind);
        if (id && id->has_value())
            stored.insert(**id, key);
        else
            batch->open << key;
    }
    if (stored.isEmpty()) {
        search(batch, 0);
        return;
    }
    // A manager may have deleted or merged a company: one listing for the batch says which still are.
    QUrlQuery query;
    for (auto it = stored.cbegin(); it != stored.cend(); ++it)
        query.addQueryItem(QStringLiteral("filter[id][]"), it.key());
    m_api.listAll(QStringLiteral("/api/v4/companies"), query, QStringLiteral("companies"),
                  [this, batch, stored](Result<QJsonArray> found) {
                      if (!found) {
                          for (const QString &key : stored)
                              batch->resolved.insert(key, found.error());
                          search(batch, 0);
                          return;
                      }
                      QSet<QString> alive;
                      for (const QJsonValue &v : found.value()) {
                          if (!v.toObject().value("is_deleted").toBool())
                              alive.insert(QString::number(v.toObject().value("id").toInteger()));
                      }
                      for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
                          if (alive.contains(it.key())) {
                              batch->resolved.insert(it.value(), it.key());
                          } else {
                              qCInfo(lcAmoCrm) << "company" << it.key() << "is not in amoCRM any more;"
                                               << "looking for" << it.value() << "again";
                              forget(it.value());
                              batch->open << it.value();
                          }
                      }
                      search(batch, 0);
                  });
}

qint64 AmoCompanyResolver::matchOf(const QJsonArray &found, const DraftCompany &company)
{
    const QString inn = innOf(company);
    const QString name = normalisedName(company.name);
    for (const QJsonValue &v : found) {
        const QJsonObject candidate = v.toObject();
        if (candidate.value("is_deleted").toBool())
            continue;
        if (inn.isEmpty()) {
            if (normalisedName(candidate.value("name").toString()) == name)
                return candidate.value("id").toInteger();
            continue;
        }
        for (const QJsonValue &cf : candidate.value("custom_fields_values").toArray()) {
            for (const QJsonValue &value : cf.toObject().value("values").toArray()) {
                if (digitsOf(valueText(value.toObject().value("value"))) == inn)
                    return candidate.value("id").toInteger();
            }
        }
    }
    return 0;
}

void AmoCompanyResolver::search(std::shared_ptr<Batch> batch, int index)
{
    if (index >= batch->open.size()) {
        createRest(batch);
        return;
    }
    const QString key = batch->open[index];
    const DraftCompany company = batch->companies.value(key);
    const QString inn = innOf(company);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("query"), inn.isEmpty() ? company.name.simplified() : inn);
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("50"));
    m_api.get(QStringLiteral("/api/v4/companies"), query,
              [this, batch, index, key, company](Result<QJsonValue> answer) {
                  if (!answer) {
                      batch->resolved.insert(key, answer.error());
                  } else if (const qint64 id
                             = matchOf(AmoApiClient::embedded(answer.value(), QStringLiteral("companies")),
                                       company)) {
                      remember(key, QString::number(id));
                      batch->resolved.insert(key, QString::number(id));
                  }
                  search(batch, index + 1);
              });
}

void AmoCompanyResolver::createRest(std::shared_ptr<Batch> batch)
{
    QStringList toMake;
    QJsonArray body;
    for (const QString &key : std::as_const(batch->keys)) {
        if (batch->resolved.contains(key))
            continue;
        const DraftCompany &company = batch->companies[key];
        QJsonObject json { { "name", company.name }, { "request_id", QString::number(toMake.size()) } };
        QJsonArray fields;
        for (const DraftField &f : company.fields) {
            if (!f.values.isEmpty())
                fields.append(AmoCodec::fieldValues(f));
        }
        if (!fields.isEmpty())
            json.insert("custom_fields_values", fields);
        body.append(json);
        toMake << key;
    }
    if (toMake.isEmpty()) {
        batch->done(batch->resolved);
        return;
    }
    m_api.send("POST", QStringLiteral("/api/v4/companies"), body,
               [this, batch, toMake](Result<QJsonValue> answer) {
                   QHash<QString, QString> made; // request id → company id
                   if (answer) {
                       for (const QJsonValue &v :
                            AmoApiClient::embedded(answer.value(), QStringLiteral("companies")))
                           made.insert(v.toObject().value("request_id").toVariant().toString(),
                                       QString::number(v.toObject().value("id").toInteger()));
                   }
                   for (qsizetype i = 0; i < toMake.size(); ++i) {
                       const QString id = made.value(QString::number(i));
                       if (!answer) {
                           batch->resolved.insert(toMake[i], answer.error());
                       } else if (id.isEmpty() || id == QLatin1String("0")) {
                           batch->resolved.insert(
                               toMake[i],
                               Common::Error::transient(
                                   QStringLiteral("amoCRM did not say which company it made for %1")
                                       .arg(batch->companies.value(toMake[i]).name)));
                       } else {
                           remember(toMake[i], id);
                           batch->resolved.insert(toMake[i], id);
                       }
                   }
                   batch->done(batch->resolved);
               });
}

void AmoCompanyResolver::remember(const QString &key, const QString &companyId)
{
    // A link that cannot be kept costs a search next time, nothing more.
    if (auto linked = Store::EntityLinkRepo(m_db).link({ m_connectionId, kKind, key, kKind, companyId });
        !linked)
        qCWarning(lcAmoCrm) << "company" << companyId << "of" << key
                            << "is not remembered:" << linked.error().toString();
}

void AmoCompanyResolver::forget(const QString &key)
{
    if (auto gone = Store::EntityLinkRepo(m_db).unlink(m_connectionId, kKind, key, kKind); !gone)
        qCWarning(lcAmoCrm) << "the link of" << key << "stays:" << gone.error().toString();
}

} // namespace Crm::AmoCrm
