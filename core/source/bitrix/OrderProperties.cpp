// SPDX-License-Identifier: GPL-3.0-or-later
#include "OrderProperties.h"

#include <QRegularExpression>

namespace Source::Bitrix {

QString PropertyDef::key() const
{
    return code.trimmed().isEmpty() ? QStringLiteral("PROP_%1").arg(id) : code.trimmed();
}

namespace {
bool yes(const QVariant &value)
{
    return value.toString().trimmed().compare(QLatin1String("Y"), Qt::CaseInsensitive) == 0;
}

bool nameSaysLegal(const QString &name)
{
    static const QRegularExpression s_legal(
        QStringLiteral("юрид|организац|компани|legal|company|business|corporate"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return s_legal.match(name).hasMatch();
}
} // namespace

Common::Status OrderProperties::load(ShopDb &db, const SaleSchema &schema, const QSet<qint64> &legalTypes)
{
    auto props = db.exec(QStringLiteral("SELECT ID, PERSON_TYPE_ID, NAME, CODE, TYPE, IS_PAYER, IS_EMAIL,"
                                        " IS_PHONE, IS_ADDRESS, IS_ZIP, IS_LOCATION, IS_PROFILE_NAME"
                                        " FROM %1 ORDER BY PERSON_TYPE_ID, SORT, ID")
                             .arg(db.table("sale_order_props")));
    if (!props)
        return props.error();
    m_props.clear();
    m_propIndex.clear();
    while (props->next()) {
        const QSqlQuery &row = props.value();
        PropertyDef def;
        def.id = row.value(0).toLongLong();
        def.personTypeId = row.value(1).toLongLong();
        def.name = schema.text(row.value(2));
        def.code = row.value(3).toString().trimmed();
        def.type = row.value(4).toString().trimmed();
        def.payer = yes(row.value(5));
        def.email = yes(row.value(6));
        def.phone = yes(row.value(7));
        def.address = yes(row.value(8));
        def.zip = yes(row.value(9));
        def.location = yes(row.value(10));
        def.profileName = yes(row.value(11));
        m_propIndex.insert(def.id, int(m_props.size()));
        m_props.append(def);
    }
    props = Common::Result<QSqlQuery>(QSqlQuery());

    QSet<qint64> entityDomain;
    bool domainsKnown = false; // an install that never set the domains falls back to the names
    if (schema.hasPersonDomains) {
        auto domains = db.exec(QStringLiteral("SELECT PERSON_TYPE_ID, DOMAIN FROM %1")
                                   .arg(db.table("sale_bizval_persondomain")));
        if (!domains)
            return domains.error();
        while (domains->next()) {
            domainsKnown = true;
            if (domains->value(1).toString().trimmed() == QLatin1String("E"))
                entityDomain.insert(domains->value(0).toLongLong());
        }
    }
    auto types = db.exec(
        QStringLiteral("SELECT ID, NAME, LID FROM %1 ORDER BY SORT, ID").arg(db.table("sale_person_type")));
    if (!types)
        return types.error();
    m_types.clear();
    while (types->next()) {
        PersonType type;
        type.id = types->value(0).toLongLong();
        type.name = schema.text(types->value(1));
        type.site = types->value(2).toString().trimmed();
        type.legal = legalTypes.contains(type.id) || entityDomain.contains(type.id)
            || (!domainsKnown && nameSaysLegal(type.name));
        m_types.append(type);
    }
    return {};
}

const PropertyDef *OrderProperties::byId(qint64 id) const
{
    const auto found = m_propIndex.constFind(id);
    return found == m_propIndex.cend() ? nullptr : &m_props[*found];
}

const PersonType *OrderProperties::personType(qint64 id) const
{
    for (const PersonType &type : m_types) {
        if (type.id == id)
            return &type;
    }
    return nullptr;
}

QList<std::pair<QString, QString>> OrderProperties::keysAndNames() const
{
    QList<std::pair<QString, QString>> list;
    QSet<QString> seen;
    for (const PropertyDef &def : m_props) {
        if (seen.contains(def.key()))
            continue;
        seen.insert(def.key());
        list.append({ def.key(), def.name });
    }
    return list;
}

} // namespace Source::Bitrix
