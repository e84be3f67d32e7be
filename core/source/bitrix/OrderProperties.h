// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SaleSchema.h"
#include "source/ShopDb.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace Source::Bitrix {

/** One order property definition of `b_sale_order_props`, with the role flags Bitrix gives it. */
struct PropertyDef
{
    qint64 id = 0;
    qint64 personTypeId = 0;
    QString name;
    QString code; ///< may be empty; differs per site and person type
    QString type; ///< STRING, LOCATION, Y/N …
    bool payer = false; ///< IS_PAYER: the buyer's name (the contact person of a company)
    bool email = false;
    bool phone = false;
    bool address = false;
    bool zip = false;
    bool location = false;
    bool profileName = false; ///< IS_PROFILE_NAME: the profile's title (a company's name)

    /** The key the value gets in ShopOrder::properties: the CODE, else "PROP_<id>". */
    QString key() const;
};

/** A payer type of the shop (`b_sale_person_type`): a private person or a legal entity. */
struct PersonType
{
    qint64 id = 0;
    QString name;
    QString site;
    bool legal = false;
};

/**
 * The order properties and person types of one Bitrix shop, read once per read round: which property
 * holds the buyer's name, e-mail, phone and address is found through the IS_PAYER / IS_EMAIL /
 * IS_PHONE / IS_ADDRESS flags per person type — never through codes, which differ per site. A person
 * type is a legal entity when the business-value domain says so (`b_sale_bizval_persondomain`, DOMAIN
 * 'E'), when the source's config lists it, or — on installs without that table — when its name says
 * so ("Юридическое лицо", "Legal entity", "Организация", "Company"). Lives on its source's thread.
 */
class OrderProperties
{
public:
    /** @p legalTypes: person type ids the operator declared legal entities (config "legal_person_types"). */
    Common::Status load(ShopDb &db, const SaleSchema &schema, const QSet<qint64> &legalTypes);

    const PropertyDef *byId(qint64 id) const;
    const PersonType *personType(qint64 id) const;
    const QList<PropertyDef> &all() const { return m_props; }
    const QList<PersonType> &personTypes() const { return m_types; }
    /** The property names and keys for the field catalogue: key → name, every person type. */
    QList<std::pair<QString, QString>> keysAndNames() const;

private:
    QList<PropertyDef> m_props;
    QHash<qint64, int> m_propIndex;
    QList<PersonType> m_types;
};

} // namespace Source::Bitrix
