// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CrmTexts.h"
#include "MappingSet.h"
#include "Problem.h"
#include "common/Result.h"
#include "crm/CrmSchema.h"
#include "crm/DealDraft.h"
#include "model/CategoryTree.h"
#include "model/FormSubmission.h"
#include "model/ShopOrder.h"

#include <QHash>
#include <QList>

namespace Mapping {

/**
 * The preview, and what a lane sends: turns an order or a form submission into the exact
 * Crm::DealDraft (deal, contact, note, tags, routing explanation, every skipped row with its
 * reason). A record that would use a broken row (see MappingValidator) gets a Permanent error
 * (code "mapping-broken") naming the rows, so the job fails before anything is sent; its details
 * hold the problems. Bad data in one record (garbage in the phone box) only skips that row.
 *
 * Built once per mapping and schema version (it validates in the constructor); build() is const
 * and may be called from any thread.
 */
class DraftBuilder
{
public:
    DraftBuilder(MappingSet set, Crm::CrmSchema schema, Model::CategoryTree tree = {},
                 Crm::CrmSchemaDiff diff = {});

    Common::Result<Crm::DealDraft> build(const Model::ShopOrder &order) const;
    Common::Result<Crm::DealDraft> build(const Model::FormSubmission &form) const;

    /** Every problem the mapping has against the schema, warnings included. */
    const QList<Problem> &problems() const { return m_problems; }
    const MappingSet &mapping() const { return m_set; }
    const Crm::CrmSchema &schema() const { return m_schema; }
    /** The words written into the CRM, in its language. */
    const CrmTexts &texts() const { return m_texts; }

private:
    class Run;
    friend class Run;
    QList<Problem> errorsFor(const QString &area, const QString &rowId) const;

    MappingSet m_set;
    Crm::CrmSchema m_schema;
    Model::CategoryTree m_tree;
    CrmTexts m_texts;
    QList<Problem> m_problems;
};

/** The note of an order: the cart (name × qty × price), totals, delivery, payment, address, comment, UTM,
 *  in the CRM's language. */
QString cartNote(const Model::ShopOrder &order, const CrmTexts &texts);
/** The note of a form: its name, page and every non-empty field, in the CRM's language. */
QString formNote(const Model::FormSubmission &form, const CrmTexts &texts);
/** A sum in roubles as the CRM's managers write it: «12 345 ₽», «1 234,50 ₽» (groups by a space). */
QString roubles(double amount);
/** A sale's note on its buyer's customer, e.g.
 *  «Покупка на 12 345 ₽: Камера, Карта × 2». */
QString purchaseNote(const Model::ShopOrder &sale, const CrmTexts &texts);
/** The sale's transaction comment, unique per sale (how a transaction whose answer was lost is found
 *  again): «Продажа 00012 · <sale id>». */
QString purchaseComment(const Model::ShopOrder &sale, const CrmTexts &texts);

} // namespace Mapping
