// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "FormSubmission.h"
#include "ShopOrder.h"
#include "SourceKind.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace Model {

/** One readable value of a shop record: "order.cost", "address.city", "form.phone" … */
struct SourceField
{
    enum class Type { Text, Number, Date, Phone, Email, List };
    QString path;
    QString label; ///< translated, for the field grid
    Type type = Type::Text;
    bool operator==(const SourceField &) const = default;
};

/**
 * The source paths a field map can read, with labels and types, and the values of a path in an
 * order or a form submission. Values are text: numbers in the C locale without trailing zeros
 * ("45990", "1499.5"), dates in ISO 8601 UTC. Pure functions, any thread.
 *
 * Orders: `customer.*` is the buyer (the address's receiver, phone and email, else the shop user's
 * profile); `user.*` is the shop user's profile only.
 *
 * Forms: `form.name`, `form.page_url`, `form.client_ip`, `form.received_at`, `form.id` describe the
 * submission; `form.<field>` is a submitted field, and `form.fields.<field>` always is, for a field
 * that shares its name with one of those. `customer.name/phone/email` guess the person: the first
 * non-empty field, in form order, with a usual name (name, fio, имя; phone, tel, телефон; email …).
 */
class SourceFieldCatalogue
{
public:
    /** Every order path; propertyKeys adds order.properties.<key> rows. */
    static QList<SourceField> forOrders(const QStringList &propertyKeys = {});
    /** Every form path; fieldNames adds form.<field> rows. */
    static QList<SourceField> forForms(const QStringList &fieldNames = {});
    static QList<SourceField> forKind(SourceKind kind);

    /** Whether path names something of that kind of record (dynamic paths included). */
    static bool isKnown(SourceKind kind, const QString &path);
    /** The catalogue entry, or a generic one for dynamic paths; nullopt for an unknown path. */
    static std::optional<SourceField> describe(SourceKind kind, const QString &path);

    /** The values at path; nullopt when the path is unknown, an empty list when there is no value. */
    static std::optional<QStringList> resolve(const QString &path, const Model::ShopOrder &order);
    static std::optional<QStringList> resolve(const QString &path, const Model::FormSubmission &form);

    static QString formatNumber(double value);
    /** "Кофе × 2 × 450 = 900" lines of the cart, one per line. */
    static QString productsText(const Model::ShopOrder &order);
    /** Index, region, city, street, building, room, joined with ", "; the shop's text address stands for
     *  the street when there is none (alone, or after a postcode and city). */
    static QString fullAddress(const Model::Address &address);
};

} // namespace Model
